namespace Warta.Text;

/// <summary>Marker for the Indonesian text-analysis assembly; tokenising, normalising and stemming live beside it.</summary>
public static class TextAnalysisInfo
{
    public const string DefaultLanguage = "id";
}

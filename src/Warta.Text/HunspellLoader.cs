namespace Warta.Text;

/// <summary>The one place Warta.Text reads files: Debian's hunspell-id dictionary under <c>/usr/share/hunspell</c>.</summary>
/// <remarks>Install with <c>apt-get install hunspell-id</c> (LGPL-3). Loading takes about half a second; load once per process.</remarks>
public static class HunspellLoader
{
    /// <summary>Default location of the Indonesian hunspell files.</summary>
    public const string HunspellFolder = "/usr/share/hunspell";

    /// <summary>An Indonesian stemmer with the system dictionary, or a rules-only one whose <see cref="IndonesianStemmer.Warning"/> says why.</summary>
    public static IndonesianStemmer LoadIndonesianStemmer(string folder = HunspellFolder)
    {
        var affix = Path.Combine(folder, "id_ID.aff");
        var dictionary = Path.Combine(folder, "id_ID.dic");
        if (!File.Exists(affix) || !File.Exists(dictionary))
        {
            return new IndonesianStemmer(
                $"Indonesian hunspell dictionary not found in {folder} (apt-get install hunspell-id); stemming with rules only, which is less accurate.");
        }
        try
        {
            using var affixStream = File.OpenRead(affix);
            using var dictionaryStream = File.OpenRead(dictionary);
            return new IndonesianStemmer(affixStream, dictionaryStream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or ArgumentException)
        {
            return new IndonesianStemmer($"Indonesian hunspell dictionary in {folder} could not be loaded ({ex.Message}); stemming with rules only.");
        }
    }
}

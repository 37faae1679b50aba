namespace Warta.Core.Search;

/// <summary>One thing a query looks for: a word, or a phrase whose words must stand together in order.</summary>
/// <param name="Text">As the user wrote it, without the quotes; the index analyses it the way it analysed the articles.</param>
/// <param name="IsPhrase">Whether it was quoted.</param>
public sealed record SearchTerm(string Text, bool IsPhrase)
{
    public override string ToString() => IsPhrase ? $"\"{Text}\"" : Text;
}

namespace Warta.Text;

/// <summary>Coarse class of a token.</summary>
public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
}

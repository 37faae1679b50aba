namespace Warta.Core.Model;

/// <summary>Whether a quote reproduces the words (direct) or reports them (indirect).</summary>
public enum QuoteKind
{
    Direct,
    Indirect,
}

namespace Warta.Core.Clustering;

/// <summary>What a clustering feature stands for: the general vocabulary, a specific (participant, number), or a place.</summary>
internal enum TermKind
{
    General,
    Specific,
    Place,
}

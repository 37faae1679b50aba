namespace Warta.Core.Clustering;

/// <summary>What a clustering feature stands for: the general vocabulary, a specific (participant, number), a place or a person.</summary>
internal enum TermKind
{
    General,
    Specific,
    Place,
    Person,
}

namespace Warta.Core.Clustering;

/// <summary>What a clustering feature stands for: the general vocabulary, a specific (participant, number), a place or a person.</summary>
internal enum TermKind
{
    General,
    Specific,
    Place,
    Person,

    /// <summary>A stated fact of the event: a calendar date (year, month) or a count with what it counts.</summary>
    Fact,
}

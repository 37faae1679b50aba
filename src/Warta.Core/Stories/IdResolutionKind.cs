namespace Warta.Core.Stories;

/// <summary>How an id or id prefix given by a user resolved.</summary>
public enum IdResolutionKind
{
    /// <summary>The exact id, or a prefix of exactly one id.</summary>
    Found,

    /// <summary>Nothing has that id or starts with it.</summary>
    NotFound,

    /// <summary>The prefix starts several ids; <see cref="IdResolution{T}.Candidates"/> names them.</summary>
    Ambiguous,
}

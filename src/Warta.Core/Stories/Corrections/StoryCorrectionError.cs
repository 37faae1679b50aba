namespace Warta.Core.Stories.Corrections;

/// <summary>Why a correction was refused.</summary>
public enum StoryCorrectionError
{
    /// <summary>A story or article it names does not exist.</summary>
    NotFound = 1,

    /// <summary>It makes no sense as asked (a story into itself, a split of all or none of a story's articles, a move to the story the article is in).</summary>
    Invalid = 2,
}

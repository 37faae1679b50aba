using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Stories;

/// <summary>One article of a story together with the assignment that placed it there (which says whether it is a copy), and what its outlet later said of it.</summary>
public sealed record StoryArticle(StoryAssignment Assignment, Article Article)
{
    /// <summary>The outlet withdrew it (a followed page that answered 410 or now carries a withdrawal notice); null while it stands.</summary>
    public ArticleRetraction? Withdrawal { get; init; }

    /// <summary>The article of its page's latest revision when the outlet has since edited the page; null when this is the latest.</summary>
    public string? SupersededBy { get; init; }
}

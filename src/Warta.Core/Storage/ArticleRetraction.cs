namespace Warta.Core.Storage;

/// <summary>An article its outlet withdrew: when Warta found out and how (a <c>410 Gone</c>, or the notice's words).</summary>
/// <param name="ArticleId">The withdrawn article.</param>
/// <param name="At">When the withdrawal was seen.</param>
/// <param name="Reason">What showed it, e.g. <c>410 Gone</c> or <c>Artikel ini telah dicabut</c>.</param>
public sealed record ArticleRetraction(string ArticleId, DateTimeOffset At, string Reason);

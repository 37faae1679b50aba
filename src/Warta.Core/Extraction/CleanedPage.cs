using Warta.Core.Model;

namespace Warta.Core.Extraction;

/// <summary>A page after <see cref="PageCleaner"/>: body paragraphs plus the header signals found while removing the page's noise.</summary>
public sealed record CleanedPage
{
    /// <summary>Body paragraphs in reading order, datelines stripped, repeats removed.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }
    /// <summary>The title line, when the page had one (or the known title passed in).</summary>
    public string? Title { get; init; }
    /// <summary>The date line's time, when the page starts with one.</summary>
    public PublicationTime? DateLine { get; init; }
    /// <summary>Names from the byline (a bare name line, or <c>Penulis:</c>/<c>Reporter:</c>/<c>Oleh</c>; editors are not authors).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>Outlet as written in the first body paragraph's dateline (<c>RAKYATKU.COM -</c>), not yet normalised.</summary>
    public string? DatelineOutlet { get; init; }
    /// <summary>Outlet named in a promo line (<c>Konten Redaksi Rakyatku.Com</c>), not yet normalised.</summary>
    public string? PromoOutlet { get; init; }
    /// <summary>The paragraph a dateline opened, as written with its dateline; its date is the news's day when the page gives no other.</summary>
    public string? DatelineLead { get; init; }
    /// <summary>What the length caps cut from an oversized page (<see cref="PageCleaner.MaxBodyChars"/>), or null when nothing was cut.</summary>
    public string? Truncation { get; init; }
}

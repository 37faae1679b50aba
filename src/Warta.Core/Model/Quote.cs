namespace Warta.Core.Model;

/// <summary>Words attributed to a speaker in an article body.</summary>
/// <param name="Start">Offset of the quoted words into <see cref="Article.Body"/>.</param>
/// <param name="Length">Length of the quoted words.</param>
/// <param name="Text">The quoted words without quotation marks.</param>
/// <param name="Speaker">The speaker's fullest name found in the article (<c>Oleg Melnichenko</c>); null when unattributed or unnamed (then <paramref name="SpeakerRole"/> may describe the speaker: <c>seorang pejabat Rusia</c>).</param>
/// <param name="SpeakerEntityId">Linked entity of the speaker, when one was found.</param>
/// <param name="SpeakerRole">Role stated in the text (<c>seorang senator dari wilayah Penza</c>), when stated.</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Cue">The reporting word that attributes it (<c>kata</c>, <c>ujar</c>, <c>menurut</c>, <c>mengatakan</c>).</param>
public sealed record Quote(int Start, int Length, string Text, string? Speaker, string? SpeakerEntityId, string? SpeakerRole, QuoteKind Kind, string Cue);

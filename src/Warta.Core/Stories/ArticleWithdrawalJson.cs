using System.Globalization;
using Warta.Core.Storage;

namespace Warta.Core.Stories;

/// <summary>An article's withdrawal in the read JSON: when Warta saw it (ISO 8601, UTC) and what showed it (<c>410 Gone</c>, or the notice's words).</summary>
public sealed record ArticleWithdrawalJson(string At, string Reason)
{
    public static ArticleWithdrawalJson? From(ArticleRetraction? retraction) =>
        retraction is null ? null : new(retraction.At.ToString("O", CultureInfo.InvariantCulture), retraction.Reason);
}

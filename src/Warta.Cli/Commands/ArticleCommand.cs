using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta article ID [--json]</c>: shows one article in full, found by id or unique id prefix.</summary>
internal static class ArticleCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id, or a prefix of it that matches one article" };
        var json = new Option<bool>("--json") { Description = "Print the article as JSON (format in README.md)" };
        var command = new Command("article", "Show one article: metadata with provenance, paragraphs, annotations") { id, json, ArticleDeleteCommand.Create(), CorrectionCommands.CreateMove() };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(id) ?? "";
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;

            var resolved = await new ArticleQueries(store).ResolveAsync(wanted, cancellationToken).ConfigureAwait(false);
            switch (resolved.Kind)
            {
                case IdResolutionKind.Ambiguous:
                    var shown = string.Join(", ", resolved.Candidates.Take(ArticleQueries.AmbiguousCandidates - 1));
                    var more = resolved.Candidates.Count >= ArticleQueries.AmbiguousCandidates ? ", …" : "";
                    error.WriteLine($"warta: id prefix '{TerminalText.OneLine(wanted)}' matches several articles: {shown}{more}");
                    return ExitCodes.Usage;
                case IdResolutionKind.NotFound:
                    error.WriteLine($"warta: no article with id or id prefix '{TerminalText.OneLine(wanted)}'");
                    return ExitCodes.InputFailed;
            }

            var article = resolved.Value!;
            // Followed pages (warta watch) carry their outlet's withdrawal and their revisions; other articles have neither.
            // A PostgreSQL store keeps no followed sources yet, so none of its articles has either.
            var following = store as ISourceStateStore;
            var retraction = following is null ? null : await following.FindRetractionAsync(article.Id, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ArticleRevision> revisions = following is null ? [] : await following.RevisionsOfAsync(article.Id, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json)) output.WriteLine(WithFollowing(ReadJson.Serialize(article), retraction, revisions));
            else
            {
                if (retraction is not null)
                {
                    output.WriteLine($"RETRACTED  {retraction.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {TerminalText.OneLine(retraction.Reason)}");
                }
                WriteText(article, output);
                WriteRevisions(article.Id, revisions, output);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The article's JSON with <c>retracted</c> and <c>revisions</c> added when it has them (so other articles' JSON is unchanged).</summary>
    private static string WithFollowing(string articleJson, ArticleRetraction? retraction, IReadOnlyList<ArticleRevision> revisions)
    {
        if (retraction is null && revisions.Count <= 1) return articleJson;
        var node = JsonNode.Parse(articleJson)!.AsObject();
        if (retraction is not null)
        {
            node["retracted"] = new JsonObject { ["at"] = retraction.At.ToString("O", CultureInfo.InvariantCulture), ["reason"] = retraction.Reason };
        }
        if (revisions.Count > 1)
        {
            node["revisions"] = new JsonArray([.. revisions.Select(static r => (JsonNode)new JsonObject
            {
                ["revision"] = r.Revision,
                ["id"] = r.ArticleId,
                ["title"] = r.Title,
                ["fetched"] = r.Fetched.ToString("O", CultureInfo.InvariantCulture),
            })]);
        }
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static void WriteRevisions(string id, IReadOnlyList<ArticleRevision> revisions, TextWriter output)
    {
        if (revisions.Count <= 1) return;
        output.WriteLine();
        output.WriteLine("revisions:");
        foreach (var r in revisions)
        {
            var mark = r.ArticleId == id ? " (this one)" : r.Revision == revisions[^1].Revision ? " (current)" : "";
            output.WriteLine($"  {r.Revision,3} {r.ArticleId} {r.Fetched.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {TerminalText.OneLine(r.Title)}{mark}");
        }
    }

    private static void WriteText(Article article, TextWriter output)
    {
        void Field(string name, string? value, string? provenanceKey = null)
        {
            var signal = provenanceKey is not null && article.Provenance.TryGetValue(provenanceKey, out var s) ? $"   [from {s}]" : "";
            output.WriteLine($"{name + ":",-11}{(string.IsNullOrEmpty(value) ? "-" : TerminalText.OneLine(value))}{TerminalText.OneLine(signal)}");
        }

        Field("id", article.Id);
        Field("title", article.Title, "title");
        Field("outlet", article.Outlet, "outlet");
        Field("published", article.Published is { } p ? $"{p} ({p.Precision.ToString().ToLowerInvariant()})" : null, "published");
        Field("authors", string.Join(", ", article.Authors), "authors");
        Field("language", article.Language, "language");
        Field("url", article.Url, "url");
        Field("source", article.Source);
        var shown = new HashSet<string>(["title", "outlet", "published", "authors", "language", "url"], StringComparer.Ordinal);
        foreach (var (field, signal) in article.Provenance.Where(p => !shown.Contains(p.Key)).OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{TerminalText.OneLine(field) + ":",-11}[from {TerminalText.OneLine(signal)}]");
        }

        foreach (var paragraph in article.Paragraphs)
        {
            output.WriteLine();
            output.WriteLine(TerminalText.Escape(paragraph));
        }

        var annotations = article.Annotations;
        if (annotations.Entities.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("entities:");
            foreach (var e in annotations.Entities)
            {
                output.WriteLine($"  {e.Start,6}+{e.Length,-3} {TerminalText.OneLine(e.Text)} → {TerminalText.OneLine(e.CanonicalName)} ({e.Type.ToString().ToLowerInvariant()}, {TerminalText.OneLine(e.EntityId)})");
            }
        }
        if (annotations.Times.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("times:");
            foreach (var t in annotations.Times)
            {
                output.WriteLine($"  {t.Start,6}+{t.Length,-3} {TerminalText.OneLine(t.Text)} → {TerminalText.OneLine(t.Value is null ? "?" : t.Value + t.UtcOffset)} ({t.Type.ToString().ToLowerInvariant()})");
            }
        }
        if (annotations.Quotes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("quotes:");
            foreach (var q in annotations.Quotes)
            {
                var role = q.SpeakerRole is null ? "" : $", {TerminalText.OneLine(q.SpeakerRole)}";
                output.WriteLine($"  {q.Start,6}+{q.Length,-3} “{TerminalText.Escape(q.Text)}” — {TerminalText.OneLine(q.Speaker ?? (q.SpeakerRole is null ? "unattributed" : "unnamed"))}{role} ({q.Kind.ToString().ToLowerInvariant()}, {TerminalText.OneLine(q.Cue)})");
            }
        }
    }
}

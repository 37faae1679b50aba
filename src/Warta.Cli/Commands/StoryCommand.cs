using System.CommandLine;
using System.Globalization;
using Warta.Core.Model;
using Warta.Core.Stories;
using Warta.Core.Stories.Corrections;

namespace Warta.Cli.Commands;

/// <summary><c>warta story ID [--since TIME|ARTICLE] [--json]</c>: a story's brief, timeline and disagreements (its stored view), articles in time order (copies marked), entities, dates, quotes and editors' corrections; with <c>--since</c>, what's new.</summary>
internal static class StoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Story id or a unique prefix of it" };
        var json = new Option<bool>("--json") { Description = "Print the story as JSON" };
        var since = new Option<string?>("--since") { Description = "Show what's new since a time (2025-03-01, 2025-03-01T12:00+07:00) or an article id" };
        var command = new Command("story", "Show one story: brief, timeline, disagreements, articles in time order, entities, dates mentioned, quotes, corrections")
        {
            id, json, since, CorrectionCommands.CreateMerge(), CorrectionCommands.CreateSplit(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(id) ?? "";
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            var found = await new StoryQueries(store, store, store).GetAsync(wanted, cancellationToken).ConfigureAwait(false);
            switch (found.Kind)
            {
                case IdResolutionKind.Ambiguous:
                    error.WriteLine($"warta: '{TerminalText.OneLine(wanted)}' names {found.Candidates.Count} stories: {string.Join(", ", found.Candidates)}");
                    return ExitCodes.Usage;
                case IdResolutionKind.NotFound:
                    error.WriteLine($"warta: no story '{TerminalText.OneLine(wanted)}'");
                    return ExitCodes.InputFailed;
            }
            var detail = found.Value!;
            var view = detail.View;
            var corrections = await store.ListCorrectionsAsync(detail.Story.Id, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<StoryTelling>? news = null;
            if (parseResult.GetValue(since) is { } sinceText)
            {
                news = NewSince(view, sinceText);
                if (news is null)
                {
                    error.WriteLine($"warta: --since '{TerminalText.OneLine(sinceText)}' is neither a time nor an article of this story");
                    return ExitCodes.Usage;
                }
            }
            if (parseResult.GetValue(json))
            {
                output.WriteLine(ReadJson.Serialize(StoryJson.From(detail, view, news) with { Corrections = [.. corrections.Select(StoryCorrectionJson.From)] }));
            }
            else if (news is not null)
            {
                WriteNew(output, detail, news);
            }
            else
            {
                WriteText(output, detail, view);
                WriteCorrections(output, corrections);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What's new since a time or an article, from the stored view; null when <paramref name="since"/> is neither (or the story has no view).</summary>
    private static IReadOnlyList<StoryTelling>? NewSince(StoryView? view, string since)
    {
        if (view is null) return null;
        if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return view.NewSince(time);
        var matches = view.ArticleIds.Where(a => a.StartsWith(since, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? view.NewSinceArticle(matches[0]) : null;
    }

    private static void WriteHeader(TextWriter output, Story story)
    {
        output.WriteLine($"{story.Id}  {TerminalText.OneLine(story.Headline)}");
        output.WriteLine($"{story.ArticleCount} articles from {StoriesCommand.Outlets(story)}, {StoriesCommand.Time(story.FirstPublished)} .. {StoriesCommand.Time(story.LastPublished)}");
        output.WriteLine();
    }

    /// <summary>The corrections made to the story, when there are any (a story without keeps its output as before).</summary>
    private static void WriteCorrections(TextWriter output, IReadOnlyList<StoryCorrection> corrections)
    {
        if (corrections.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Corrections:");
        foreach (var correction in corrections) output.WriteLine($"  {CorrectionCommands.Describe(correction)}");
    }

    private static string Cited(IReadOnlyList<StoryCitation> citations) =>
        "[" + string.Join(", ", citations.Select(static c => $"{TerminalText.OneLine(c.Outlet)} {c.ArticleId}")) + "]";

    private static void WriteNew(TextWriter output, StoryDetail detail, IReadOnlyList<StoryTelling> news)
    {
        WriteHeader(output, detail.Story);
        output.WriteLine($"New ({news.Count} sentences):");
        foreach (var telling in news)
        {
            output.WriteLine($"  {TerminalText.OneLine(telling.Text)}  {Cited(telling.Citations)}");
        }
    }

    private static void WriteView(TextWriter output, StoryView? view)
    {
        if (view is null)
        {
            output.WriteLine("Brief: (no stored view yet; it is made when articles are next ingested)");
            output.WriteLine();
            return;
        }
        output.WriteLine("Brief:");
        foreach (var sentence in view.Brief) output.WriteLine($"  {TerminalText.OneLine(sentence.Text)}  {Cited(sentence.Citations)}");
        output.WriteLine();
        output.WriteLine("Timeline:");
        foreach (var item in view.Timeline)
        {
            var source = item.Citations.Count > 1 ? $"  (first: {TerminalText.OneLine(item.FirstOutlet)}; {item.Citations.Count} articles)" : "";
            output.WriteLine($"  {TerminalText.OneLine(item.When),-16} {TerminalText.OneLine(item.Text)}  {Cited(item.Citations)}{source}");
        }
        output.WriteLine();
        output.WriteLine("Disagreements:");
        foreach (var disputed in view.Disagreements)
        {
            var values = string.Join(disputed.Kind == "correction" ? " -> " : " vs ",
                disputed.Values.Select(static v => $"\"{TerminalText.OneLine(v.Value)}\" {Cited(v.Citations)}"));
            output.WriteLine($"  {disputed.Kind} ({TerminalText.OneLine(disputed.Counts)}): {values}");
        }
        output.WriteLine();
    }

    private static void WriteText(TextWriter output, StoryDetail detail, StoryView? view)
    {
        WriteHeader(output, detail.Story);
        WriteView(output, view);
        output.WriteLine("Articles:");
        foreach (var item in detail.Articles)
        {
            var (assignment, article) = item;
            var copy = assignment.CopyOfArticleId is { } original ? $"  (copy of {original})" : "";
            var superseded = item.SupersededBy is { } latest ? $"  (superseded by revision {latest})" : "";
            var withdrawn = item.Withdrawal is { } w ? $"  WITHDRAWN {w.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {TerminalText.OneLine(w.Reason)}" : "";
            output.WriteLine($"  {article.Published?.ToString() ?? "-",-22} {TerminalText.OneLine(article.Outlet),-18} {article.Id}  {TerminalText.OneLine(article.Title)}{copy}{superseded}{withdrawn}");
        }
        output.WriteLine();
        output.WriteLine("Entities:");
        foreach (var entity in detail.Entities.Take(25))
        {
            output.WriteLine($"  {entity.Mentions,4}  {entity.Type,-12} {TerminalText.OneLine(entity.CanonicalName)}  [{TerminalText.OneLine(string.Join(", ", entity.Aliases))}]");
        }
        output.WriteLine();
        output.WriteLine("Dates mentioned:");
        foreach (var (_, article) in detail.Articles)
        {
            foreach (var time in article.Annotations.Times.Where(static t => t.Value is not null))
            {
                output.WriteLine($"  {TerminalText.OneLine(time.Value + time.UtcOffset),-14} \"{TerminalText.OneLine(time.Text)}\"  ({TerminalText.OneLine(article.Outlet)}, {article.Published})");
            }
        }
        output.WriteLine();
        output.WriteLine("Quotes:");
        foreach (var (_, article) in detail.Articles)
        {
            foreach (var quote in article.Annotations.Quotes)
            {
                var role = quote.SpeakerRole is null ? "" : $", {TerminalText.OneLine(quote.SpeakerRole)}";
                var speaker = quote.Speaker ?? (quote.SpeakerRole is null ? "(unattributed)" : "(unnamed)");
                output.WriteLine($"  {TerminalText.OneLine(speaker)}{role} ({quote.Kind.ToString().ToLowerInvariant()}, {TerminalText.OneLine(article.Outlet)}): {TerminalText.OneLine(quote.Text)}");
            }
        }
    }
}

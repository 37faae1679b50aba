using System.CommandLine;
using System.Globalization;
using Warta.Core.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta article delete ID</c>: removes one article (by id or unique id prefix) from the store, its story and the change followers.</summary>
internal static class ArticleDeleteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id, or a prefix of it that matches one article" };
        var lockTimeout = new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2",
            DefaultValueFactory = static _ => 30,
        };
        var command = new Command("delete", "Delete one article: its placement goes, its story's counts are recomputed, the change is recorded") { id, lockTimeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(id) ?? "";
            using var host = CliHost.Create(parseResult);
            var deletion = await host.Maintenance.DeleteArticleAsync(
                wanted, TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(lockTimeout))), message => error.WriteLine($"warta: {message}"), cancellationToken);
            switch (deletion.Resolution.Kind)
            {
                case IdResolutionKind.Ambiguous:
                    var shown = string.Join(", ", deletion.Resolution.Candidates.Take(ArticleQueries.AmbiguousCandidates - 1));
                    var more = deletion.Resolution.Candidates.Count >= ArticleQueries.AmbiguousCandidates ? ", …" : "";
                    error.WriteLine($"warta: id prefix '{TerminalText.OneLine(wanted)}' matches several articles: {TerminalText.OneLine(shown)}{more}; nothing deleted");
                    return ExitCodes.Usage;
                case IdResolutionKind.NotFound:
                    error.WriteLine($"warta: no article with id or id prefix '{TerminalText.OneLine(wanted)}'; nothing deleted");
                    return ExitCodes.InputFailed;
            }
            var change = deletion.Change!;
            var story = change.StoryId is null ? "" : $" from story {TerminalText.OneLine(change.StoryId)}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted article {TerminalText.OneLine(change.ArticleId)}{story} (change {change.Sequence})"));
            return ExitCodes.Ok;
        });
        return command;
    }
}

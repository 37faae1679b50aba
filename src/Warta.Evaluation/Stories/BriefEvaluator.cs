using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;
using Warta.Core.Stories;
using Warta.Text;

namespace Warta.Evaluation.Stories;

/// <summary>Scores the story briefs <see cref="StoryViewBuilder"/> writes against hand-written references (<c>eval/briefs/</c>) with
/// ROUGE, beside the lead baseline (the first sentences of the story's first article, as many as the reference has), and checks
/// that every article a brief sentence cites states it.</summary>
/// <remarks>Each story is built from the articles its gold <c>stories.tsv</c> gives it, so the score is the brief's alone, not the
/// clusterer's. Datelines (<c>KABARNUSA.ID - </c>) are cut from the lead's first sentence as the builder cuts them from its own.</remarks>
public static class BriefEvaluator
{
    /// <summary>Scores every reference in <paramref name="gold"/> whose story has articles in <paramref name="articles"/>.</summary>
    public static BriefEvaluation Evaluate(IReadOnlyList<BriefGold> gold, IReadOnlyList<(string Key, Article Article)> articles,
        IReadOnlyDictionary<string, string> storyOf)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(storyOf);
        var builder = new StoryViewBuilder();
        var scores = new List<BriefStoryScore>();
        var errors = new List<string>();
        int checkedSentences = 0, correct = 0;
        foreach (var reference in gold)
        {
            var members = articles.Where(a => storyOf.TryGetValue(a.Key, out var s) && s == reference.Story).Select(static a => a.Article).ToList();
            if (members.Count == 0) continue;
            var view = builder.Build(reference.Story, members, 0);
            var brief = string.Join(' ', view.Brief.Select(static s => s.Text));
            var first = members.Single(a => a.Id == view.ArticleIds[0]);
            var lead = string.Join(' ', Lead(first, reference.Sentences.Count));
            scores.Add(new BriefStoryScore(reference.Story, reference.Sentences.Count, view.Brief.Count, Rouge.Score(brief, reference.Text), Rouge.Score(lead, reference.Text)));
            foreach (var sentence in view.Brief)
            {
                checkedSentences++;
                var unstated = sentence.Citations.Where(c => members.Find(a => a.Id == c.ArticleId) is not { } cited || !CitationCheck.States(cited, sentence.Text)).ToList();
                if (unstated.Count == 0) correct++;
                else errors.Add($"{reference.Story}: {string.Join(", ", unstated.Select(static c => c.ArticleId))} do not state \"{sentence.Text}\"");
            }
        }
        return new BriefEvaluation(scores, checkedSentences, correct, errors);
    }

    /// <summary>The first <paramref name="count"/> sentences of <paramref name="article"/>'s body, its dateline cut.</summary>
    public static IReadOnlyList<string> Lead(Article article, int count)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = article.Body;
        var sentences = SentenceSplitter.Split(Tokenizer.Tokenize(body)).Take(count).Select(s => body.Substring(s.Start, s.Length)).ToList();
        if (sentences.Count > 0) sentences[0] = WithoutDateline(sentences[0]);
        return sentences;
    }

    private static string WithoutDateline(string text)
    {
        var limit = Math.Min(text.Length, 70);
        for (var k = 1; k + 2 < limit; k++)
        {
            if (text[k] == ' ' && text[k + 1] is '-' or '—' or '–' && text[k + 2] == ' ')
            {
                var head = text[..k];
                return head.Any(char.IsUpper) && k + 3 < text.Length ? text[(k + 3)..] : text;
            }
        }
        return text;
    }
}

using System.Text;
using Warta.Core.Ingestion;

namespace Warta.Evaluation;

/// <summary>Runs TimeML articles through <see cref="ArticleIngestor"/> as saved text pages and scores date, title and outlet.</summary>
/// <remarks>
/// Each article is written the way a saved page looks: the DCT's text line, a blank line, the title line, a blank line,
/// then the body without markup. The ingestor sees a plain <c>.txt</c> document and nothing of the gold.
/// </remarks>
public static class MetadataEvaluator
{
    public const string ExpectedOutlet = "kompas.com";

    public static MetadataEvaluation Evaluate(IEnumerable<RawDocument> timeMlFiles, ArticleIngestor? ingestor = null)
    {
        ArgumentNullException.ThrowIfNull(timeMlFiles);
        ingestor ??= new ArticleIngestor();
        int articles = 0, published = 0, scored = 0, skipped = 0, titles = 0, outlets = 0, errors = 0;
        var misses = new List<string>();
        foreach (var file in timeMlFiles)
        {
            articles++;
            var decoded = DocumentDecoder.Decode(file, out var decodeError);
            var gold = decoded is null ? null : Core.Ingestion.TimeMlReader.Parse(file.Source, decoded.Text, out decodeError);
            if (gold is null)
            {
                errors++;
                misses.Add(decodeError!.ToString());
                continue;
            }
            if (gold.Title.Length == 0) skipped++;
            else scored++;

            var page = SavedPage(gold);
            var outcome = ingestor.Read(new RawDocument(Path.ChangeExtension(file.Source, ".txt"), Encoding.UTF8.GetBytes(page))).Single();
            if (outcome.Article is not { } article)
            {
                errors++;
                misses.Add(outcome.Error!.ToString());
                continue;
            }
            var goldDay = Core.Ingestion.TimeMlReader.DayOf(gold.DctValue);
            var day = article.Published?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (goldDay is not null && string.Equals(day, goldDay, StringComparison.Ordinal)) published++;
            else misses.Add($"{file.Source}: published {day ?? "none"} ≠ gold {gold.DctValue}");
            if (gold.Title.Length > 0)
            {
                if (string.Equals(article.Title, gold.Title, StringComparison.Ordinal)) titles++;
                else misses.Add($"{file.Source}: title \"{article.Title}\" ≠ gold \"{gold.Title}\"");
            }
            if (string.Equals(article.Outlet, ExpectedOutlet, StringComparison.Ordinal)) outlets++;
            else misses.Add($"{file.Source}: outlet \"{article.Outlet}\"");
        }
        return new MetadataEvaluation
        {
            Articles = articles,
            PublishedCorrect = published,
            TitlesScored = scored,
            TitlesSkipped = skipped,
            TitlesCorrect = titles,
            OutletMatches = outlets,
            Errors = errors,
            Misses = misses,
        };
    }

    /// <summary>The TimeML article as a saved text page: date line, blank, title, blank, body.</summary>
    public static string SavedPage(Core.Ingestion.TimeMlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.DctText + "\n\n" + document.Title + "\n\n" + document.Body + "\n";
    }
}

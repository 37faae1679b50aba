using Warta.Core.Model;

namespace Warta.Hosting;

/// <summary>What became of one document of a committed submission: its stored articles and the errors of its records.</summary>
/// <param name="Source">The document's source name, as submitted.</param>
/// <param name="Articles">Its articles that are stored (now or before), in input order.</param>
/// <param name="Errors">Records (or the whole document) that could not be read or processed; nothing of them is stored.</param>
public sealed record IngestedDocument(string Source, IReadOnlyList<IngestedArticle> Articles, IReadOnlyList<IngestError> Errors);

using Warta.Core.Ingestion;
using Warta.Core.Model;

namespace Warta.Cli;

/// <summary>The files to read, and the folders that could not be listed, each named in an error.</summary>
internal sealed record InputSelection(IReadOnlyList<string> Files, IReadOnlyList<IngestError> Failures);

using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>What a format reader produced for one record: its fields, or why the record could not be read.</summary>
public sealed record RecordResult
{
    private RecordResult(ArticleFields? fields, IngestError? error) => (Fields, Error) = (fields, error);

    public ArticleFields? Fields { get; }
    public IngestError? Error { get; }

    public static RecordResult Of(ArticleFields fields) => new(fields, null);
    public static RecordResult Failed(IngestError error) => new(null, error);
}

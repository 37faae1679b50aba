using Xunit;

namespace Warta.Evaluation.Tests;

public class KompasThreadsTests
{
    [Fact]
    public void Should_read_threads_and_take_the_document_id_from_the_file_name()
    {
        var threads = KompasThreads.ReadThreads(new StringReader("20131018-0725521\trfid-bbm-bersubsidi\n20141119-1\tharga-minyak-dunia\n"));

        Assert.Equal("rfid-bbm-bersubsidi", threads["20131018-0725521"]);
        Assert.Equal("20131018-0725521", KompasThreads.DocumentId("../shared/data/timex/kompas-dev/20131018-0725521.tml"));
        Assert.Equal("20141119-1", KompasThreads.DocumentId("dump/20141119-1.jsonl#record 3"));
    }
}

namespace Warta.Core.Search;

/// <summary>A query the user wrote that cannot be parsed; the message names the column (1-based) where it goes wrong.</summary>
public sealed class SearchQueryException : Exception
{
    public SearchQueryException()
    {
    }

    public SearchQueryException(string message) : base(message)
    {
    }

    public SearchQueryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <param name="column">1-based position in the query text.</param>
    /// <param name="problem">What is wrong there, without the position.</param>
    public SearchQueryException(int column, string problem) : base($"query column {column}: {problem}")
    {
        Column = column;
        Problem = problem;
    }

    /// <summary>1-based position in the query text where the problem starts; 0 when not known.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; } = "";
}

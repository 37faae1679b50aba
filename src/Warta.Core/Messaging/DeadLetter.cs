namespace Warta.Core.Messaging;

/// <summary>A message the work queue set aside: the queue it came from, why, and what it named.</summary>
/// <param name="Queue">The queue the message was taken from.</param>
/// <param name="Error">Why it was set aside.</param>
/// <param name="Source">The source the document or article names (its file or URL), when the message could be read that far.</param>
/// <param name="Bytes">The message body's size.</param>
public sealed record DeadLetter(string Queue, string Error, string? Source, int Bytes);

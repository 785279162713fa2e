namespace MeetStream.Client.Lambda;

/// <summary>A message the queue did not accept, with the queue's reason.</summary>
/// <param name="Message">The message.</param>
/// <param name="ErrorCode">The queue's error code, e.g. <c>InternalError</c>.</param>
/// <param name="Reason">The queue's explanation.</param>
/// <param name="IsSenderFault">Whether the queue blamed the message itself (sending it again cannot succeed).</param>
public sealed record KeywordAlertFailure(KeywordAlertMessage Message, string? ErrorCode, string? Reason, bool IsSenderFault);

namespace MeetStream.Client;

/// <summary>
/// One rule a <see cref="CreateBotRequest"/> breaks, found by <see cref="CreateBotRequest.Validate()"/> before anything
/// is sent.
/// </summary>
/// <param name="Path">The JSON path of the field, e.g. <c>automatic_leave.in_call_recording_timeout</c>.</param>
/// <param name="Message">What is wrong and what MeetStream accepts.</param>
public sealed record CreateBotRequestProblem(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => $"{Path}: {Message}";
}

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// Where the time of one barge-in goes on the server side, measured inside the server process with the same clock as
/// the bots (<c>Stopwatch</c>, one process): from the trigger frame's send to the server code seeing it, the decision
/// (SDK: the voice-activity detector), and the interrupt's send.
/// </summary>
public sealed class BargeInStages
{
    /// <summary>Gets the bot's send → the handler has the frame (raw: its <c>ReceiveAsync</c> returned; SDK: the <c>await foreach</c> yielded it).</summary>
    public LatencyRecorder Receive { get; } = new();

    /// <summary>Gets the decision (raw: the first-sample check; SDK: <c>VoiceActivityDetector.Process</c>).</summary>
    public LatencyRecorder Decide { get; } = new();

    /// <summary>Gets the interrupt's send (raw: <c>SendAsync</c>; SDK: the <c>InterruptAsync</c> call until its task completed).</summary>
    public LatencyRecorder Send { get; } = new();

    /// <summary>Gets the three recorders in pipeline order with their names.</summary>
    public IEnumerable<(string Name, LatencyRecorder Recorder)> All =>
    [
        ("send → handler has the frame", Receive),
        ("decide (detector)", Decide),
        ("interrupt send", Send),
    ];

    /// <summary>Resets and enables or disables the three recorders together.</summary>
    public void Reset(int capacity)
    {
        foreach (var (_, recorder) in All)
        {
            recorder.Reset(capacity);
        }
    }

    /// <summary>Sets whether the three recorders keep samples.</summary>
    public void SetEnabled(bool enabled)
    {
        foreach (var (_, recorder) in All)
        {
            recorder.Enabled = enabled;
        }
    }
}

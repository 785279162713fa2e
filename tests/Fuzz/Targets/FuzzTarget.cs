namespace MeetStream.Client.Fuzz.Targets;

/// <summary>One fuzz target: returns normally or throws only its parser's documented exception (caught inside).</summary>
/// <param name="input">The fuzzer's bytes.</param>
internal delegate void FuzzTarget(ReadOnlySpan<byte> input);

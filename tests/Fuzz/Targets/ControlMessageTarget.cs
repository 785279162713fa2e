using System.Reflection;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>
/// The control-channel parser (internal <c>ControlMessageParser.Parse</c>, reached through a delegate so the library
/// needs no InternalsVisibleTo for the harness): never throws; a parsed message's <c>ToString</c> does not throw.
/// </summary>
internal static class ControlMessageTarget
{
    private static readonly ParseControl Parse = (ParseControl)Delegate.CreateDelegate(
        typeof(ParseControl),
        typeof(ControlMessage).Assembly.GetType("MeetStream.Client.Realtime.ControlMessageParser", throwOnError: true)!
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!);

    private delegate ControlMessage? ParseControl(ReadOnlySpan<byte> utf8Json);

    public static void Run(ReadOnlySpan<byte> input)
    {
        var message = Parse(input);
        _ = message?.ToString();
    }
}

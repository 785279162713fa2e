using MeetStream.Client.Fuzz.Targets;
using SharpFuzz;

namespace MeetStream.Client.Fuzz;

/// <summary>
/// Entry point of the fuzz harness: <c>MeetStream.Client.Fuzz &lt;target&gt;</c> runs one target under AFL++ (SharpFuzz
/// out-of-process mode), <c>MeetStream.Client.Fuzz &lt;target&gt; --replay FILE...</c> runs inputs once without a fuzzer
/// (to reproduce a crash or check a corpus), <c>--write-seeds DIR</c> writes the built seeds, <c>--list</c> prints the
/// target names.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--list" or "-h" or "--help")
        {
            Console.WriteLine("usage: MeetStream.Client.Fuzz <target> [--replay FILE...]");
            Console.WriteLine("targets: " + string.Join(' ', FuzzTargets.Names));
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "--write-seeds" && args.Length == 2)
        {
            Seeds.Write(args[1]);
            return 0;
        }

        if (!FuzzTargets.TryGet(args[0], out var target))
        {
            Console.Error.WriteLine($"Unknown target '{args[0]}'. Targets: {string.Join(' ', FuzzTargets.Names)}");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            return Replay(target, args[2..]);
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        });
        return 0;
    }

    private static int Replay(FuzzTarget target, string[] paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p) : [p]).ToArray();
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"CRASH {file}: {ex.GetType().FullName}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
            }
        }

        Console.WriteLine($"{files.Length} inputs, {failures} crashes");
        return failures == 0 ? 0 : 1;
    }
}

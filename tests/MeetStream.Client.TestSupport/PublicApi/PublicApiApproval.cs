using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using PublicApiGenerator;

namespace MeetStream.Client.Tests.PublicApi;

/// <summary>
/// Approval of a package's public surface, shared by the four test projects: the surface is written by
/// PublicApiGenerator (<c>assembly.GeneratePublicApi(options)</c>) and compared with <c>{Assembly}.approved.txt</c>
/// next to the calling test. On a difference it writes <c>{Assembly}.received.txt</c> there and fails with a unified
/// diff. With <c>MEETSTREAM_ACCEPT_API=1</c> it rewrites the approved file instead.
/// </summary>
/// <remarks>
/// The packages target net8.0 and net10.0 and the tests load the net10.0 build, so the approved file is the net10.0
/// surface. The two builds differ only in assembly-level attributes: <see cref="Normalize"/> drops the ones that name
/// the build (TargetFramework, AssemblyMetadata such as the repository URL) and keeps the rest (InternalsVisibleTo, …),
/// so the file reads the same whichever target framework is loaded.
/// </remarks>
public static class PublicApiApproval
{
    /// <summary>The environment variable that turns the check into "write the approved file".</summary>
    public const string AcceptVariable = "MEETSTREAM_ACCEPT_API";

    private const int MaxDiffLines = 120;

    /// <summary>Assembly attributes that describe the build rather than the API.</summary>
    private static readonly string[] BuildAttributes =
    [
        "[assembly: System.Runtime.Versioning.TargetFramework(",
        "[assembly: System.Reflection.AssemblyMetadata(",
    ];

    /// <summary>Compares the public API of <paramref name="assembly"/> with its approved file.</summary>
    public static void Verify(Assembly assembly, [CallerFilePath] string callerFile = "")
    {
        var name = assembly.GetName().Name!;
        var directory = Path.GetDirectoryName(callerFile) is { } d && Directory.Exists(d) ? d : FindDirectory(assembly);
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        var actual = Generate(assembly);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(
            $"The public API of {name} changed. Review {receivedPath} and copy it over {approvedPath} " +
            $"(or run the tests with {AcceptVariable}=1) in the same change as the code.\n" +
            $"--- {Path.GetFileName(approvedPath)}\n+++ {Path.GetFileName(receivedPath)}\n" +
            UnifiedDiff(approved.Split('\n'), actual.Split('\n')));
    }

    /// <summary>The normalised public API text of <paramref name="assembly"/> (what the approved file holds).</summary>
    public static string Generate(Assembly assembly)
    {
        var options = new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = true,

            // The generator skips System.* and Microsoft.* by default, but our DI and endpoint-mapping extensions live in
            // the namespaces their hosts import (the convention for such extensions): they are our public API too.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder"],

            // Compiler-generated state machine names (d__41) change when any member is added above them: not API.
            ExcludeAttributes =
            [
                "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
                "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
            ],
        };
        return Normalize(assembly.GeneratePublicApi(options));
    }

    /// <summary>Drops build-describing assembly attributes and unifies line endings; ends with one newline.</summary>
    public static string Normalize(string api)
    {
        var lines = api.ReplaceLineEndings("\n").Split('\n')
            .Where(line => !BuildAttributes.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal)));
        return string.Join('\n', lines).Trim('\n') + "\n";
    }

    /// <summary>A unified diff (3 lines of context) of two line lists, capped at <see cref="MaxDiffLines"/> lines.</summary>
    public static string UnifiedDiff(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        // Common prefix and suffix first: an API change touches a few lines of a file of thousands.
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix && before[before.Count - 1 - suffix] == after[after.Count - 1 - suffix])
        {
            suffix++;
        }

        var a = before.Skip(prefix).Take(before.Count - prefix - suffix).ToArray();
        var b = after.Skip(prefix).Take(after.Count - prefix - suffix).ToArray();

        // Longest common subsequence of the differing middle (small in practice).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        // The edit script over the whole files: (' ' | '-' | '+', line).
        var script = new List<(char Op, string Line)>(before.Count + after.Count);
        script.AddRange(before.Take(prefix).Select(l => (' ', l)));
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                script.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                script.Add(('-', a[x++]));
            }
            else
            {
                script.Add(('+', b[y++]));
            }
        }

        script.AddRange(before.Skip(before.Count - suffix).Select(l => (' ', l)));

        const int context = 3;
        var text = new StringBuilder();
        var written = 0;
        var index = 0;
        while (index < script.Count)
        {
            if (script[index].Op == ' ')
            {
                index++;
                continue;
            }

            // One hunk: from `context` lines before this change to `context` lines after the last change within reach.
            var start = Math.Max(0, index - context);
            var end = index;
            while (end < script.Count)
            {
                if (script[end].Op != ' ')
                {
                    end++;
                    continue;
                }

                var next = end;
                while (next < script.Count && script[next].Op == ' ')
                {
                    next++;
                }

                if (next < script.Count && next - end <= 2 * context)
                {
                    end = next;
                    continue;
                }

                break;
            }

            var stop = Math.Min(script.Count, end + context);
            var oldLine = 1 + script.Take(start).Count(e => e.Op != '+');
            var newLine = 1 + script.Take(start).Count(e => e.Op != '-');
            var hunk = script.Skip(start).Take(stop - start).ToList();
            text.Append($"@@ -{oldLine},{hunk.Count(e => e.Op != '+')} +{newLine},{hunk.Count(e => e.Op != '-')} @@\n");
            foreach (var (op, line) in hunk)
            {
                if (written++ == MaxDiffLines)
                {
                    return text.Append("… (diff truncated; see the received file)\n").ToString();
                }

                text.Append(op).Append(line).Append('\n');
            }

            index = stop;
        }

        return text.ToString();
    }

    private static string FindDirectory(Assembly assembly)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MeetStream.Client.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "tests", assembly.GetName().Name + ".Tests", "PublicApi");
    }
}

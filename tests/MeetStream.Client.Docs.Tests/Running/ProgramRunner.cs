using System.Reflection;
using System.Runtime.Loader;
using MeetStream.Client.Docs.Tests.Snippets;

namespace MeetStream.Client.Docs.Tests.Running;

/// <summary>Compiles a doc block into an in-memory program and runs its entry point, capturing what it prints.</summary>
public static class ProgramRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs <paramref name="block"/> (as it compiles: after the blocks it continues) with the given environment.</summary>
    /// <param name="block">A block with top-level statements.</param>
    /// <param name="environment">Environment variables set while it runs (then restored).</param>
    /// <param name="hangGuard">Fails the run if it has not finished by then (not a pacing assertion: a hang guard).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The program's console output.</returns>
    public static async Task<string> RunAsync(DocBlock block, IReadOnlyDictionary<string, string> environment, TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        var compiled = SnippetCompiler.Compile(block.Name, DocumentSet.SourceOf(block));
        Assert.True(compiled.Success, compiled.Describe());
        Assert.True(compiled.IsProgram, $"{block.Name} has no top-level statements: nothing to run.");

        await OneAtATime.WaitAsync(cancellationToken);
        var previous = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var console = Console.Out;
        using var captured = new StringWriter();
        var context = new AssemblyLoadContext(block.Name, isCollectible: true);
        try
        {
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Console.SetOut(TextWriter.Synchronized(captured));
            var assembly = context.LoadFromStream(new MemoryStream(compiled.Assembly!));
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException($"{block.Name} compiled without an entry point.");
            object?[] arguments = entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()];
            var run = Task.Run(() =>
            {
                try
                {
                    return entry.Invoke(null, arguments) is Task task ? task : Task.CompletedTask;
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    return Task.FromException(e.InnerException);
                }
            }, cancellationToken);
            await run.WaitAsync(hangGuard, cancellationToken);
        }
        finally
        {
            Console.SetOut(console);
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            context.Unload();
            OneAtATime.Release();
        }

        return captured.ToString();
    }
}

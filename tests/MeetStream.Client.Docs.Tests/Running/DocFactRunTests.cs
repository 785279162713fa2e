using System.Reflection;
using System.Runtime.Loader;
using MeetStream.Client.Docs.Tests.Snippets;

namespace MeetStream.Client.Docs.Tests.Running;

/// <summary>
/// Doc blocks written as xunit tests (e.g. the secret rotation example of docs/webhooks.md) also pass: every
/// <c>[Fact]</c> of a block's classes that need no fixture is run.
/// </summary>
public sealed class DocFactRunTests
{
    /// <summary>Gets the names of the blocks that define <c>[Fact]</c> methods.</summary>
    public static TheoryData<string> BlocksWithFacts => [.. DocumentSet.All.Where(b => !b.IsSketch && b.Code.Contains("[Fact]", StringComparison.Ordinal)).Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(BlocksWithFacts))]
    public async Task DocFacts_RunAsShown_Pass(string block)
    {
        var compiled = SnippetCompiler.Compile(block, DocumentSet.SourceOf(DocumentSet.Get(block)));
        Assert.True(compiled.Success, compiled.Describe());

        var context = new AssemblyLoadContext(block, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(compiled.Assembly!));
            var facts = assembly.GetTypes()
                .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
                .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null).Select(m => (Type: t, Method: m)))
                .ToList();
            foreach (var (type, method) in facts)
            {
                try
                {
                    if (method.Invoke(Activator.CreateInstance(type), null) is Task task)
                    {
                        await task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
                    }
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    Assert.Fail($"{block}: {type.Name}.{method.Name} failed: {e.InnerException}");
                }
            }

            // A block whose facts all need a fixture (docs/testing.md's NotetakerTests: run by the Testing tests) runs none here.
            Assert.True(facts.Count > 0 || block.StartsWith("docs/testing.md", StringComparison.Ordinal), $"{block} has [Fact] but no runnable fact was found.");
        }
        finally
        {
            context.Unload();
        }
    }
}

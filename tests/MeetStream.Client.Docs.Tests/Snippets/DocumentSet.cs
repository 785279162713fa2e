namespace MeetStream.Client.Docs.Tests.Snippets;

/// <summary>
/// The repository's documents whose C# blocks must compile: README.md, docs/*.md, src/*/README.md and
/// samples/*/README.md, and the source each block compiles as (a continuing block after the ones it continues).
/// </summary>
public static class DocumentSet
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<DocBlock>> Blocks = new(LoadBlocks);

    /// <summary>Gets the repository root (the folder holding MeetStream.Client.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Gets every C# block of every document, sketches included, in a stable order.</summary>
    public static IReadOnlyList<DocBlock> All => Blocks.Value;

    /// <summary>Gets the block named <paramref name="name"/> (<c>file:line</c>).</summary>
    /// <param name="name">The block's name.</param>
    /// <returns>The block.</returns>
    public static DocBlock Get(string name) =>
        All.SingleOrDefault(b => b.Name == name) ?? throw new ArgumentException($"No C# block {name} (the docs changed; rebuild).", nameof(name));

    /// <summary>Gets the source <paramref name="block"/> compiles as: itself, after the blocks it continues.</summary>
    /// <param name="block">A compiled (not sketch) block.</param>
    /// <returns>The C# text.</returns>
    public static string SourceOf(DocBlock block)
    {
        var parts = new List<string> { block.Code };
        var current = block;
        while (current.ContinuesPrevious)
        {
            current = All.LastOrDefault(b => b.File == current.File && b.Line < current.Line && !b.IsSketch)
                ?? throw new InvalidOperationException($"{current.Name} says it continues a block, but no C# block precedes it.");
            parts.Insert(0, current.Code);
        }

        return SnippetCompiler.Compose(parts);
    }

    /// <summary>Lists the documents (relative paths with '/').</summary>
    /// <returns>The paths, sorted.</returns>
    public static IReadOnlyList<string> Documents()
    {
        var root = RepositoryRoot;
        IEnumerable<string> Glob(string folder, string pattern, SearchOption depth) =>
            Directory.Exists(Path.Combine(root, folder))
                ? Directory.EnumerateFiles(Path.Combine(root, folder), pattern, depth)
                : [];
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Glob("docs", "*.md", SearchOption.TopDirectoryOnly))
            .Concat(Directory.EnumerateDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")))
            .Concat(Directory.EnumerateDirectories(Path.Combine(root, "samples")).Select(d => Path.Combine(d, "README.md")))
            .Where(File.Exists);
        return [.. files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<DocBlock> LoadBlocks() =>
        [.. Documents().SelectMany(d => MarkdownBlockExtractor.Extract(d, File.ReadAllText(Path.Combine(RepositoryRoot, d))))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeetStream.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MeetStream.Client.sln above {AppContext.BaseDirectory}.");
    }
}

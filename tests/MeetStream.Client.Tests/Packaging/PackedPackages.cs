using System.IO.Compression;
using System.Xml.Linq;

namespace MeetStream.Client.Tests.Packaging;

/// <summary>
/// A test fixture: runs <c>dotnet pack</c> once for each of the five packages into <c>artifacts/pack-test</c> (its own
/// artifacts path, so it never shares obj/ with the solution build or another test project's pack) and opens the
/// results for the tests that check their contents.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>The package ids this repository publishes.</summary>
    public static readonly string[] Ids = ["MeetStream.Client", "MeetStream.Client.AspNetCore", "MeetStream.Client.Lambda", "MeetStream.Client.Testing", "MeetStream.Client.Redis"];

    /// <summary>The repository root.</summary>
    public string Root { get; } = PackagingCommands.FindRoot();

    /// <summary>The folder the packages were packed into (a local folder feed).</summary>
    public string Output => Path.Combine(Root, "artifacts", "pack-test");

    /// <summary>The combined output of the pack commands and whether every one succeeded.</summary>
    public (bool Succeeded, string Log) Pack { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        PackagingCommands.CleanDirectory(Output);
        var isolated = Path.Combine(Root, "artifacts", "pack-test-build");
        var log = new System.Text.StringBuilder();
        var succeeded = true;
        foreach (var id in Ids)
        {
            // A hang guard only: about a minute per package on idle cores, many more on a busy machine.
            var pack = await PackagingCommands.RunAsync("dotnet", ["pack", Path.Combine(Root, "src", id, id + ".csproj"), "-c", "Release", "-o", Output, "--artifacts-path", isolated, "--nologo", "-clp:NoSummary"], Root, TimeSpan.FromMinutes(30));
            log.AppendLine($"== dotnet pack {id}: exit {pack.ExitCode}").AppendLine(pack.Output);
            succeeded &= pack.ExitCode == 0;
        }

        Pack = (succeeded, log.ToString());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The version package <paramref name="id"/> was packed with ("" when it was not packed).</summary>
    public string VersionOf(string id)
    {
        // <id>.<version>.nupkg: the version starts with a digit, which tells MeetStream.Client.1.0.0 from MeetStream.Client.Lambda.1.0.0.
        var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(id) + @"\.(\d.*)\.nupkg$";
        return Directory.GetFiles(Output, "*.nupkg").Select(path => System.Text.RegularExpressions.Regex.Match(Path.GetFileName(path), pattern))
            .FirstOrDefault(match => match.Success)?.Groups[1].Value ?? "";
    }

    /// <summary>The path of package <paramref name="id"/>'s .nupkg (or .snupkg with <paramref name="symbols"/>).</summary>
    public string PathOf(string id, bool symbols = false)
    {
        Assert.True(Pack.Succeeded, "dotnet pack failed:\n" + Pack.Log);
        var path = Path.Combine(Output, $"{id}.{VersionOf(id)}.{(symbols ? "snupkg" : "nupkg")}");
        Assert.True(File.Exists(path), $"{Path.GetFileName(path)} was not packed. Packed: {string.Join(", ", Directory.GetFiles(Output).Select(Path.GetFileName))}");
        return path;
    }

    /// <summary>The version <c>Directory.Packages.props</c> pins for <paramref name="packageId"/> (the net10.0 pin, outside any condition).</summary>
    public string PinnedVersionOf(string packageId)
    {
        var props = XElement.Load(Path.Combine(Root, "Directory.Packages.props"));
        var pin = props.Elements("ItemGroup").Where(g => g.Attribute("Condition") is null).Elements("PackageVersion")
            .SingleOrDefault(e => e.Attribute("Include")?.Value == packageId);
        Assert.True(pin is not null, $"Directory.Packages.props pins no {packageId}.");
        return pin.Attribute("Version")!.Value;
    }

    /// <summary>Opens package <paramref name="id"/>'s .nupkg.</summary>
    public ZipArchive Open(string id, bool symbols = false) => ZipFile.OpenRead(PathOf(id, symbols));

    /// <summary>The package's .nuspec, parsed.</summary>
    public static XElement Nuspec(ZipArchive package, string id)
    {
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        return XElement.Load(stream).Elements().Single(e => e.Name.LocalName == "metadata");
    }
}

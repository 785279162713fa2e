using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MeetStream.Client.Tests.Packaging;

/// <summary>
/// Opens every .nupkg the repository publishes and checks what a consumer gets: both targets with their XML docs, the
/// README, the icon, the license expression, the repository URL and commit, the symbols package, no test or sample
/// assemblies, and the dependencies per target (Microsoft.Extensions 8.0.x on net8.0, 10.0.x on net10.0); and that a
/// net8.0 app restoring the packed packages from a folder gets 8.0.x Microsoft.Extensions assemblies.
/// </summary>
public sealed class PackageContentsTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    private const string RepositoryUrl = "https://github.com/meetstream-dotnet/meetstream-dotnet";

    /// <summary>Packages of the dotnet/extensions release train (10.11.x) that target net8.0 with 8.0.x dependencies.</summary>
    private static readonly string[] ExtensionsTrain = ["Microsoft.Extensions.Http.Resilience"];

    /// <summary>Each package's dependency ids, the same in both target groups.</summary>
    private static readonly Dictionary<string, string[]> Dependencies = new()
    {
        ["MeetStream.Client"] = ["Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Options.ConfigurationExtensions", "Polly.Core", "Refit"],
        ["MeetStream.Client.AspNetCore"] = ["MeetStream.Client"],
        ["MeetStream.Client.Lambda"] = ["AWSSDK.Core", "AWSSDK.DynamoDBv2", "AWSSDK.S3", "AWSSDK.SQS", "MeetStream.Client", "Microsoft.Extensions.Logging.Abstractions"],
        ["MeetStream.Client.Testing"] = ["MeetStream.Client"],
        ["MeetStream.Client.Redis"] = ["MeetStream.Client", "MeetStream.Client.AspNetCore", "StackExchange.Redis"],
    };

    /// <summary>Third-party dependencies asked for at exactly the version Directory.Packages.props pins, on both targets.</summary>
    private static readonly string[] PinnedOnBothTargets = ["StackExchange.Redis"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Ids => new(PackedPackages.Ids);

    [Fact]
    public async Task CorePackage_DotnetPack_ProducesBothTargetsDocsReadmeAndSymbols()
    {
        using var zip = packages.Open("MeetStream.Client");
        Assert.True(File.Exists(packages.PathOf("MeetStream.Client", symbols: true)));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[] { "lib/net8.0/MeetStream.Client.dll", "lib/net8.0/MeetStream.Client.xml", "lib/net10.0/MeetStream.Client.dll", "lib/net10.0/MeetStream.Client.xml", "README.md" })
        {
            Assert.Contains(expected, entries);
        }

        using var nuspec = new StreamReader(zip.GetEntry("MeetStream.Client.nuspec")!.Open());
        var text = await nuspec.ReadToEndAsync(Ct);
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", text, StringComparison.Ordinal);
        Assert.Contains("Polly.Core", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Package_Opened_HasReadmeDocsForBothTargetsIconLicenseRepositoryAndSymbols(string id)
    {
        using var zip = packages.Open(id);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/{id}.dll", entries);
            Assert.Contains($"lib/{framework}/{id}.xml", entries);
            using var docs = zip.GetEntry($"lib/{framework}/{id}.xml")!.Open();
            var members = XElement.Load(docs).Descendants("member").Count();
            Assert.True(members > 10, $"{id} {framework}: the XML docs hold {members} members.");
        }

        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
        {
            var text = (await readme.ReadToEndAsync(Ct)).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.StartsWith("# " + id + "\n", text, StringComparison.Ordinal);
        }

        using (var icon = zip.GetEntry("icon.png")!.Open())
        {
            var signature = new byte[8];
            await icon.ReadExactlyAsync(signature, Ct);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        var metadata = PackedPackages.Nuspec(zip, id);
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal(packages.VersionOf(id), Value("version"));
        Assert.Matches(@"^0\.\d+\.\d+(-|$)", packages.VersionOf(id)); // 0.x until 1.0
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        var commit = repository.Attribute("commit")?.Value ?? "";
        Assert.Matches("^[0-9a-f]{40}$", commit);
        var ofThisRepository = await PackagingCommands.RunAsync("git", ["merge-base", "--is-ancestor", commit, "HEAD"], packages.Root, TimeSpan.FromMinutes(1));
        Assert.True(ofThisRepository.ExitCode == 0, $"{id} names commit {commit}, which is not in this repository's history: {ofThisRepository.Output}");

        using var symbols = packages.Open(id, symbols: true);
        var symbolEntries = symbols.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains($"lib/net8.0/{id}.pdb", symbolEntries);
        Assert.Contains($"lib/net10.0/{id}.pdb", symbolEntries);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_Opened_HoldsOnlyItsOwnAssemblies(string id)
    {
        using var zip = packages.Open(id);
        var binaries = zip.Entries.Select(e => e.FullName).Where(name => name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)).Order().ToArray();

        Assert.Equal([$"lib/net10.0/{id}.dll", $"lib/net8.0/{id}.dll"], binaries);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".deps.json", StringComparison.Ordinal) || e.FullName.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) || e.FullName.StartsWith("tests/", StringComparison.Ordinal) || e.FullName.StartsWith("samples/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_DependencyGroups_Net8AsksExtensions8AndNet10AsksExtensions10(string id)
    {
        using var zip = packages.Open(id);
        var metadata = PackedPackages.Nuspec(zip, id);
        var groups = metadata.Elements().Single(e => e.Name.LocalName == "dependencies").Elements()
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements().ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value));

        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order());
        foreach (var (framework, dependencies) in groups)
        {
            Assert.Equal(Dependencies[id].Order(), dependencies.Keys.Order());
            foreach (var (dependency, version) in dependencies)
            {
                if (dependency.StartsWith("MeetStream.Client", StringComparison.Ordinal))
                {
                    Assert.Equal(packages.VersionOf(id), version); // exactly the sibling package of the same commit
                }
                else if (PinnedOnBothTargets.Contains(dependency))
                {
                    Assert.Equal(packages.PinnedVersionOf(dependency), version);
                }
                else if (dependency.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && !ExtensionsTrain.Contains(dependency))
                {
                    var expected = framework == "net8.0" ? "8.0." : "10.0.";
                    Assert.True(version.StartsWith(expected, StringComparison.Ordinal), $"{id} ({framework}) asks for {dependency} {version}; expected {expected}x.");
                }
            }
        }
    }

    [Fact]
    public void RedisPackage_Nuspec_NeedsAspNetCoreFrameworkOnBothTargetsAndTagsRedis()
    {
        using var zip = packages.Open("MeetStream.Client.Redis");
        var metadata = PackedPackages.Nuspec(zip, "MeetStream.Client.Redis");
        var frameworkReferences = metadata.Elements().Single(e => e.Name.LocalName == "frameworkReferences").Elements()
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements().Select(r => r.Attribute("name")!.Value).ToArray());
        var tags = (metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "tags")?.Value ?? "").Split(' ');

        Assert.Equal(["net10.0", "net8.0"], frameworkReferences.Keys.Order());
        Assert.All(frameworkReferences.Values, names => Assert.Equal(["Microsoft.AspNetCore.App"], names));
        Assert.Contains("redis", tags);
        Assert.Contains("meetstream", tags);
    }

    [Fact]
    public async Task Net8Consumer_RestoresPackedPackages_GetsExtensions8Assemblies()
    {
        // A plain net8.0 app outside the repository (no Directory.*.props above it) that references the packed packages
        // from a folder feed. Its own packages folder: the global cache never keeps a package of this build.
        var app = PackagingCommands.CleanDirectory(Path.Combine(Path.GetTempPath(), "meetstream-net8-consumer-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            var cache = PackagingCommands.MachinePackageCache;
            await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="packed" value="{packages.Output}" />
                    <add key="machine-cache" value="{cache}" />
                  </packageSources>
                </configuration>
                """, Ct);
            await File.WriteAllTextAsync(Path.Combine(app, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net8.0</TargetFramework>
                    <RestorePackagesPath>{Path.Combine(app, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MeetStream.Client.AspNetCore" Version="{packages.VersionOf("MeetStream.Client.AspNetCore")}" />
                    <PackageReference Include="MeetStream.Client.Lambda" Version="{packages.VersionOf("MeetStream.Client.Lambda")}" />
                    <PackageReference Include="MeetStream.Client.Redis" Version="{packages.VersionOf("MeetStream.Client.Redis")}" />
                  </ItemGroup>
                </Project>
                """, Ct);
            packages.PathOf("MeetStream.Client.AspNetCore");
            packages.PathOf("MeetStream.Client.Lambda");
            packages.PathOf("MeetStream.Client.Redis");

            var restore = await PackagingCommands.RunAsync("dotnet", ["restore", Path.Combine(app, "Consumer.csproj"), "--nologo"], app, TimeSpan.FromMinutes(15)); // a hang guard

            Assert.True(restore.ExitCode == 0, "restore of the net8.0 consumer failed:\n" + restore.Output);
            using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json"), Ct));
            var resolved = assets.RootElement.GetProperty("targets").GetProperty("net8.0").EnumerateObject()
                .Select(p => p.Name.Split('/')).ToDictionary(p => p[0], p => p[1]);
            Assert.StartsWith("0.", resolved["MeetStream.Client"], StringComparison.Ordinal);
            Assert.Equal(packages.PinnedVersionOf("StackExchange.Redis"), resolved["StackExchange.Redis"]);
            Assert.Equal("8.0.2", resolved["Microsoft.Extensions.Options"]);
            Assert.Equal("8.0.3", resolved["Microsoft.Extensions.Logging.Abstractions"]);
            Assert.Equal("8.0.1", resolved["Microsoft.Extensions.Http"]);
            var runtimeTrain = resolved.Where(p => (p.Key.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || p.Key.StartsWith("System.", StringComparison.Ordinal))
                && Regex.IsMatch(p.Value, @"^(9|10|11)\.0\.")
                && p.Key != "System.Net.ServerSentEvents") // Refit's; not part of .NET 8, so nothing in the app's framework is replaced
                .Select(p => $"{p.Key} {p.Value}").ToArray();
            Assert.True(runtimeTrain.Length == 0, "a net8.0 app would get .NET 9/10 runtime-train packages: " + string.Join(", ", runtimeTrain));
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }
}

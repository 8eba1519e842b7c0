using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Bastion.Generation;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;

namespace Bastion.Bench;

/// <summary>
/// BenchmarkDotNet micro-benchmarks of what the generator spends its time on. In-process toolchain: no generated
/// project to build (the repository's Directory.Build.props and central package versions would apply to it).
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(CountyGeneration), typeof(MemberPrimitives)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

/// <summary>Building one county (~400 organizations, ~7,000 members) in memory: the generator's non-I/O part.</summary>
[MemoryDiagnoser]
public class CountyGeneration
{
    private readonly PiiProtector _pii = new(SHA256.HashData("bastion-bench-data-key"u8));
    private readonly DateTime _now = new(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);

    [Benchmark]
    public int BuildOneCounty() => DemoDataset.Build(ScaleProfile.Demo, 1, _pii, _now).Members.Count;
}

/// <summary>Per-member work of the generator, against composing the resident ID as the baseline.</summary>
[MemoryDiagnoser]
public class MemberPrimitives
{
    private readonly PiiProtector _pii = new(SHA256.HashData("bastion-bench-data-key"u8));
    private readonly DateOnly _birth = new(1975, 3, 14);
    private readonly string _residentId = ResidentId.Compose("310104", new DateOnly(1975, 3, 14), 123);
    private readonly string _path = "/1/2/17/107/2031/";

    [Benchmark(Baseline = true)]
    public string ComposeResidentId() => ResidentId.Compose("310104", _birth, 123);

    [Benchmark]
    public ResidentId? ParseResidentId() => ResidentId.TryParse(_residentId, out _);

    [Benchmark]
    public string MaskResidentId() => ResidentId.Mask(_residentId);

    [Benchmark]
    public byte[] EncryptResidentId() => _pii.Encrypt(_residentId);

    [Benchmark]
    public string LookupHashResidentId() => _pii.LookupHash(_residentId);

    [Benchmark]
    public string TreePathChild() => TreePath.Child(_path, 4242);

    [Benchmark]
    public int TreePathIds() => TreePath.Ids(_path).Count;
}

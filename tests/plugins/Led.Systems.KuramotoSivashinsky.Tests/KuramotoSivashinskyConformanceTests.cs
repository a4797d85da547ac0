using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace Led.Systems.KuramotoSivashinsky.Tests;

/// <summary>The conformance kit's system checks on the default (paper) KS setup; lifting a field is exact.</summary>
public sealed class KuramotoSivashinskyConformanceTests : SystemConformance
{
    private static readonly KuramotoSivashinskyOptions Options = new();

    protected override IDynamicalSystem CreateSystem() => new KuramotoSivashinsky(Options);

    protected override double MicroStep => Options.MicroStep;
}

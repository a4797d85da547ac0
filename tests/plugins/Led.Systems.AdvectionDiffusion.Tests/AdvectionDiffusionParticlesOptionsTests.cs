namespace Led.Systems.AdvectionDiffusion.Tests;

public class AdvectionDiffusionParticlesOptionsTests
{
    [Fact]
    public void Defaults_AreTheReferenceSetup()
    {
        var o = new AdvectionDiffusionParticlesOptions();
        Assert.Equal(1000, o.Particles);
        Assert.Equal(0.05, o.Diffusion);
        Assert.Equal(0.01, o.MicroStep);
        Assert.Equal(100, o.MicroStepsPerCoarseStep);
        Assert.Equal([1.0, 1.74, 0.0], o.Amplitude);
        Assert.Equal([0.2, 1.0, 0.5], o.Frequency);
        Assert.True(o.Reflective);
        o.EnsureValid();
    }

    public static TheoryData<string, Action<AdvectionDiffusionParticlesOptions>> InvalidSettings => new()
    {
        { nameof(AdvectionDiffusionParticlesOptions.Particles), o => o.Particles = 0 },
        { nameof(AdvectionDiffusionParticlesOptions.Diffusion), o => o.Diffusion = -0.1 },
        { nameof(AdvectionDiffusionParticlesOptions.MicroStep), o => o.MicroStep = 0 },
        { nameof(AdvectionDiffusionParticlesOptions.CoarseStep), o => o.CoarseStep = 0.015 },
        { nameof(AdvectionDiffusionParticlesOptions.Amplitude), o => o.Amplitude = [1, 2] },
        { nameof(AdvectionDiffusionParticlesOptions.Frequency), o => o.Frequency = [1, double.NaN, 0] },
        { nameof(AdvectionDiffusionParticlesOptions.BoxLength), o => o.BoxLength = -1 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void InvalidSetting_IsRefusedNamingTheProperty(string property, Action<AdvectionDiffusionParticlesOptions> spoil)
    {
        var o = new AdvectionDiffusionParticlesOptions();
        spoil(o);
        var thrown = Assert.Throws<ArgumentException>(() => new AdvectionDiffusionParticles(o));
        Assert.Contains(property, thrown.Message);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Led.Systems.CylinderFlow.Tests;

public class CylinderFlowOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_give_the_issue_time_step()
    {
        var options = new CylinderFlowOptions();
        Assert.Empty(options.Errors());
        Assert.Equal(100, options.Reynolds);
        Assert.Equal(CylinderGeometry.LedLike, options.Preset);
        Assert.Equal(10.0, options.DomainLength, 1e-12);
        Assert.Equal(5.0, options.DomainHeight, 1e-12);
        var setup = options.ToSetup();
        double h = 5.0 / 128;
        // Δt = min(0.3·h/2, 0.08·h²·Re) = 0.15h, rounded down to divide the 0.2 sampling interval.
        Assert.Equal(0.2 / Math.Ceiling(0.2 / (0.15 * h)), setup.TimeStep, 1e-15);
        Assert.True(setup.TimeStep <= 0.15 * h);
        Assert.Equal((2.5, 2.5), (setup.CylinderX, setup.CylinderY));
        Assert.Equal(LateralBoundary.FreeSlip, setup.Lateral);
        Assert.Equal(0.01, setup.Viscosity, 1e-15);
    }

    [Fact]
    public void The_presets_place_the_cylinder_and_choose_the_walls()
    {
        var validation = new CylinderFlowOptions { Geometry = "Validation", Nx = 512, Ny = 256 }.ToSetup();
        Assert.Equal((20.0, 10.0, 5.0, 5.0), (validation.Lx, validation.Ly, validation.CylinderX, validation.CylinderY));
        var channel = new CylinderFlowOptions { Geometry = "schafer-turek", Nx = 1024, Ny = 128 }.ToSetup();
        Assert.Equal((4.1, 2.0, 2.0), (channel.Ly, channel.CylinderX, channel.CylinderY));
        Assert.Equal(32.8, channel.Lx, 1e-12);
        Assert.Equal(LateralBoundary.NoSlip, channel.Lateral);
        Assert.Equal(InflowProfile.Parabolic, channel.Inflow);
        Assert.Equal(1.5, channel.InflowAt(2.05), 1e-12);
        // The diffusive bound binds at Re 20 on a fine grid.
        var viscous = new CylinderFlowOptions { Reynolds = 20, Geometry = "schaferTurek", Nx = 2048, Ny = 256 };
        double h = 4.1 / 256;
        Assert.True(viscous.ToSetup().TimeStep <= 0.08 * h * h * 20 + 1e-15);
        Assert.Equal(LateralBoundary.PressureDirichlet,
            new CylinderFlowOptions { LateralBoundary = LateralBoundary.PressureDirichlet }.ToSetup().Lateral);
    }

    public static TheoryData<Action<CylinderFlowOptions>, string> InvalidOptions() => new()
    {
        { o => o.Reynolds = 0, nameof(CylinderFlowOptions.Reynolds) },
        { o => o.Reynolds = double.NaN, nameof(CylinderFlowOptions.Reynolds) },
        { o => o.Geometry = "box", nameof(CylinderFlowOptions.Geometry) },
        { o => o.Geometry = null!, nameof(CylinderFlowOptions.Geometry) },
        { o => o.Nx = 300, nameof(CylinderFlowOptions.Nx) },
        { o => o.Nx = 512, nameof(CylinderFlowOptions.Nx) },
        { o => o.Nx = 4, nameof(CylinderFlowOptions.Nx) },
        { o => o.Ny = 100, nameof(CylinderFlowOptions.Ny) },
        { o => o.SamplingInterval = 0, nameof(CylinderFlowOptions.SamplingInterval) },
        { o => o.Penalization = 0.5, nameof(CylinderFlowOptions.Penalization) },
        { o => o.MollificationWidth = -0.1, nameof(CylinderFlowOptions.MollificationWidth) },
        { o => o.Cfl = 1.5, nameof(CylinderFlowOptions.Cfl) },
        { o => o.DiffusionNumber = 0.12, nameof(CylinderFlowOptions.DiffusionNumber) },
        { o => o.PerturbationAmplitude = -1, nameof(CylinderFlowOptions.PerturbationAmplitude) },
        { o => o.Threads = 0, nameof(CylinderFlowOptions.Threads) },
        { o => { o.Geometry = CylinderGeometry.SchaferTurek; o.Nx = 512; o.Ny = 128; }, nameof(CylinderFlowOptions.Nx) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void An_invalid_value_gives_an_error_naming_the_property(Action<CylinderFlowOptions> spoil, string property)
    {
        var options = new CylinderFlowOptions();
        spoil(options);
        var error = Assert.Single(options.Errors());
        Assert.Contains(property, error.MemberNames);
        Assert.StartsWith(property, error.ErrorMessage);
        var ex = Assert.Throws<ArgumentException>(() => new CylinderFlow(options));
        Assert.Contains(property, ex.Message);
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var options = new CylinderFlowOptions { Reynolds = -1, Geometry = "nowhere", Ny = 100 };
        var names = options.Errors().SelectMany(e => e.MemberNames).ToHashSet();
        Assert.Contains("Reynolds", names);
        Assert.Contains("Geometry", names);
        Assert.Contains("Ny", names);
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}

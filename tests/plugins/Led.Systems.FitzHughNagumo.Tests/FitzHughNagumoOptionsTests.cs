using System.ComponentModel.DataAnnotations;

namespace Led.Systems.FitzHughNagumo.Tests;

public class FitzHughNagumoOptionsTests
{
    [Fact]
    public void Defaults_AreTheReferenceParameters()
    {
        var o = new FitzHughNagumoOptions();
        Assert.Equal(1.0, o.DiffusionU);
        Assert.Equal(4.0, o.DiffusionV);
        Assert.Equal(0.006, o.Epsilon);
        Assert.Equal(-0.03, o.A0);
        Assert.Equal(2.0, o.A1);
        Assert.Equal(20.0, o.Length);
        Assert.Equal(101, o.Nodes);
        Assert.Equal(0.005, o.MicroStep);
        Assert.Equal(1.0, o.CoarseStep);
        Assert.Equal(200, o.MicroStepsPerCoarseStep);
        Assert.Equal(16.0 / 11.0, o.OmegaU, 1e-15);
        Assert.Equal(0.8, o.OmegaV, 1e-15);
        Assert.Empty(o.ValidationErrors());
    }

    public static TheoryData<string, Action<FitzHughNagumoOptions>> InvalidSettings => new()
    {
        { nameof(FitzHughNagumoOptions.DiffusionU), o => o.DiffusionU = 0 },
        { nameof(FitzHughNagumoOptions.DiffusionV), o => o.DiffusionV = -4 },
        { nameof(FitzHughNagumoOptions.Epsilon), o => o.Epsilon = -0.1 },
        { nameof(FitzHughNagumoOptions.A0), o => o.A0 = double.NaN },
        { nameof(FitzHughNagumoOptions.A1), o => o.A1 = double.PositiveInfinity },
        { nameof(FitzHughNagumoOptions.Length), o => o.Length = 0 },
        { nameof(FitzHughNagumoOptions.Nodes), o => o.Nodes = 2 },
        { nameof(FitzHughNagumoOptions.MicroStep), o => o.MicroStep = double.NaN },
        { nameof(FitzHughNagumoOptions.CoarseStep), o => o.CoarseStep = 0.0123 },
        { nameof(FitzHughNagumoOptions.CoarseStep), o => o.CoarseStep = 0.001 },
        { nameof(FitzHughNagumoOptions.InitialFrontPosition), o => o.InitialFrontPosition = 25 },
        { nameof(FitzHughNagumoOptions.InitialFrontWidth), o => o.InitialFrontWidth = 0 },
        { nameof(FitzHughNagumoOptions.SpinUpTime), o => o.SpinUpTime = -1 },
        { nameof(FitzHughNagumoOptions.PeriodEstimationTime), o => o.PeriodEstimationTime = 0 },
        // ω = 2/(1 + 3Dδt/dx²) reaches 0 when 3Dδt/dx² overflows and 2 when it vanishes next to 1.
        { nameof(FitzHughNagumoOptions.DiffusionU), o => o.DiffusionU = 1e308 },
        { nameof(FitzHughNagumoOptions.DiffusionV), o => o.DiffusionV = 1e-300 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void InvalidSetting_IsReportedUnderItsPropertyName(string property, Action<FitzHughNagumoOptions> spoil)
    {
        var o = new FitzHughNagumoOptions();
        spoil(o);
        IReadOnlyList<ValidationResult> errors = o.ValidationErrors();
        ValidationResult error = Assert.Single(errors, e => e.MemberNames.Contains(property));
        Assert.Contains(property, error.ErrorMessage);

        var thrown = Assert.Throws<ValidationException>(() => new FitzHughNagumo(o));
        Assert.Contains(property, thrown.Message);
    }

    [Fact]
    public void StabilityError_NamesTheFix()
    {
        var o = new FitzHughNagumoOptions { DiffusionU = 1e308 };
        ValidationResult error = Assert.Single(o.ValidationErrors());
        Assert.Contains("ω", error.ErrorMessage);
        Assert.Contains("(0, 2)", error.ErrorMessage);
    }

    [Fact]
    public void CoarseStep_MultipleOfMicroStep_IsAccepted()
    {
        var o = new FitzHughNagumoOptions { CoarseStep = 0.25, MicroStep = 0.005 };
        Assert.Empty(o.ValidationErrors());
        Assert.Equal(50, o.MicroStepsPerCoarseStep);
    }

    [Fact]
    public void AMicroStepTheLatticeCannotCarryTheFrontsWithIsRefusedNamingTheBound()
    {
        // Reference grid: dx = 20/100 = 0.2, D_u = 1, so δt ≤ dx/(4·√D_u) = 0.05 (it oscillates at 0.05, not at 0.0625).
        var atTheBound = new FitzHughNagumoOptions { MicroStep = 0.05, CoarseStep = 1 };
        Assert.Equal(0.05, atTheBound.MaxMicroStep, 1e-15);
        Assert.Empty(atTheBound.ValidationErrors());

        var tooLarge = new FitzHughNagumoOptions { MicroStep = 0.0625, CoarseStep = 1 };
        var error = Assert.Single(tooLarge.ValidationErrors());
        Assert.Contains(nameof(FitzHughNagumoOptions.MicroStep), error.MemberNames);
        Assert.Contains("MicroStep ≤ dx/(4·√DiffusionU) = 0.05", error.ErrorMessage);

        // The bound follows the grid spacing and the activator's diffusivity: dx = 0.4 allows 0.1; D_u = 4 halves it.
        Assert.Empty(new FitzHughNagumoOptions { Nodes = 51, MicroStep = 0.1, CoarseStep = 1 }.ValidationErrors());
        Assert.Equal(0.025, new FitzHughNagumoOptions { DiffusionU = 4 }.MaxMicroStep, 1e-15);
    }

    [Fact]
    public void APeriodEstimationTimeThatIsNoWholeNumberOfMicroStepsIsRefused()
    {
        var o = new FitzHughNagumoOptions { MicroStep = 0.03, CoarseStep = 0.3 };
        var error = Assert.Single(o.ValidationErrors());
        Assert.Contains(nameof(FitzHughNagumoOptions.PeriodEstimationTime), error.MemberNames);
        Assert.Empty(new FitzHughNagumoOptions { MicroStep = 0.04, CoarseStep = 1 }.ValidationErrors());
    }
}

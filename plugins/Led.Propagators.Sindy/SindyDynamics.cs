using System.Numerics.Tensors;

namespace Led.Propagators.Sindy;

/// <summary>
/// The identified ODE dx/dt = Ξ Θ(x) (coefficients Ξ <c>[d, terms]</c> over a <see cref="PolynomialLibrary"/>) and its
/// integration over one Δt by <see cref="DormandPrince45"/>. Holds buffers: one instance per thread.
/// </summary>
internal sealed class SindyDynamics
{
    private readonly PolynomialLibrary _library;
    private readonly double[] _coefficients, _features;
    private readonly DormandPrince45 _integrator;
    private readonly double _timeStep;
    private readonly OdeRightHandSide _rightHandSide;

    public SindyDynamics(PolynomialLibrary library, double[] coefficients, double timeStep, SindyOptions options)
    {
        (_library, _coefficients, _timeStep) = (library, coefficients, timeStep);
        _features = new double[library.Count];
        _integrator = new DormandPrince45(library.Variables, options.RelativeTolerance, options.AbsoluteTolerance, options.MaxSteps);
        _rightHandSide = RightHandSide;
    }

    /// <summary>dx/dt at <paramref name="x"/>.</summary>
    public void RightHandSide(ReadOnlySpan<double> x, Span<double> dxdt)
    {
        _library.Evaluate(x, _features);
        int p = _library.Count;
        for (int d = 0; d < dxdt.Length; d++) dxdt[d] = TensorPrimitives.Dot(_coefficients.AsSpan(d * p, p), _features);
    }

    /// <summary>Integrates <paramref name="x"/> in place over Δt; false (and NaN) where the model diverged.</summary>
    public bool Advance(Span<double> x) => _integrator.Integrate(_rightHandSide, x, _timeStep);
}

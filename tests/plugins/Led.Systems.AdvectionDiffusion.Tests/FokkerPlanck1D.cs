namespace Led.Systems.AdvectionDiffusion.Tests;

/// <summary>
/// The 1-D Fokker–Planck equation of one axis of the particle system, ∂p/∂t = κ ∂²p/∂x² − ∂(a(t) p)/∂x with κ = D/2
/// (the reference's D is twice the physical coefficient) and no-flux walls at both ends of [lo, lo + L]. Finite volumes:
/// M cells, face fluxes F = a (p_i + p_{i+1})/2 − κ (p_{i+1} − p_i)/h, F = 0 at the walls, explicit Euler with
/// <c>substeps</c> steps per micro step. The drift a is held at A cos(ω t_k) over micro step k, as the particle scheme
/// applies it. The start is a point mass at the centre, split over the two middle cells (M even).
/// </summary>
internal sealed class FokkerPlanck1D
{
    private readonly double[] _p, _flux;
    private readonly double _lo, _h, _kappa;

    public FokkerPlanck1D(int cells, double lo, double length, double diffusion)
    {
        if (cells % 2 != 0) throw new ArgumentException("an even number of cells is needed", nameof(cells));
        (_lo, _h, _kappa) = (lo, length / cells, diffusion / 2);
        _p = new double[cells];
        _flux = new double[cells + 1];
        _p[cells / 2 - 1] = _p[cells / 2] = 0.5 / _h;
    }

    /// <summary>Advances <paramref name="microSteps"/> micro steps of <paramref name="dt"/> from t = 0.</summary>
    public void Run(int microSteps, double dt, double amplitude, double frequency, int substeps)
    {
        double tau = dt / substeps;
        if (tau > 0.4 * _h * _h / _kappa) throw new ArgumentException("the explicit scheme needs more substeps", nameof(substeps));
        for (int k = 0; k < microSteps; k++)
        {
            double a = amplitude * Math.Cos(frequency * k * dt);
            for (int s = 0; s < substeps; s++)
            {
                for (int i = 1; i < _p.Length; i++)
                    _flux[i] = a * 0.5 * (_p[i - 1] + _p[i]) - _kappa * (_p[i] - _p[i - 1]) / _h;
                for (int i = 0; i < _p.Length; i++) _p[i] -= tau * (_flux[i + 1] - _flux[i]) / _h;
            }
        }
    }

    /// <summary>Probability of each of <paramref name="bins"/> equal bins (cells must divide evenly into them).</summary>
    public double[] BinProbabilities(int bins)
    {
        int per = _p.Length / bins;
        if (per * bins != _p.Length) throw new ArgumentException("bins must divide the cells", nameof(bins));
        return Enumerable.Range(0, bins).Select(b => _p.Skip(b * per).Take(per).Sum() * _h).ToArray();
    }
}

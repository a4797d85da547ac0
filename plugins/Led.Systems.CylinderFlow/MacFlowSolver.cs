namespace Led.Systems.CylinderFlow;

/// <summary>
/// 2-D incompressible Navier–Stokes on a uniform staggered (MAC) grid, nondimensional (ρ = 1): u on x-faces, v on
/// y-faces, p at cell centres. One step: advection by 3rd-order upwind-biased differences (4th-order central part
/// plus |a|-weighted 4th difference), 5-point diffusion, Adams–Bashforth 2 (Euler on the first step after a
/// restart); implicit Brinkman penalization u ← u*/(1 + λΔtχ) with a mollified indicator χ, the momentum it removes
/// being the force on the body; boundary faces (inflow, convective outflow with a mass-flux correction, walls);
/// projection with a direct DCT/DST Poisson solve, so ∇·u is zero to round-off after every step. Rows are
/// processed in parallel; a step allocates no arrays.
/// </summary>
public sealed class MacFlowSolver
{
    private const int G = 2;
    private readonly int _nx;
    private readonly int _ny;
    private readonly double _h;
    private readonly double _dt;
    private readonly double _nu;
    private readonly int _su;
    private readonly int _sv;
    private readonly int _workers;
    private readonly int _vRowFirst;
    private readonly int _vRowLast;
    private readonly double[] _u;
    private readonly double[] _v;
    private readonly double[] _uStar;
    private readonly double[] _vStar;
    private readonly double[] _ruOld;
    private readonly double[] _rvOld;
    private readonly double[] _penU;
    private readonly double[] _penV;
    private readonly double[] _inflow;
    private readonly double[] _rhs;
    private readonly double[] _p;
    private readonly double[] _forceXRow;
    private readonly double[] _forceYRow;
    private readonly PoissonSolver _poisson;
    private readonly Action<int> _momentumPass;
    private readonly Action<int> _divergencePass;
    private readonly Action<int> _correctionPass;
    private bool _haveOld;
    private bool _updatePressure;

    /// <summary>A solver for <paramref name="setup"/>, at rest (u = v = p = 0) until <see cref="Initialize"/>.</summary>
    public MacFlowSolver(FlowSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Nx < 8 || setup.Ny < 8 || !System.Numerics.BitOperations.IsPow2(setup.Nx) || !System.Numerics.BitOperations.IsPow2(setup.Ny))
            throw new ArgumentException($"grid {setup.Nx} × {setup.Ny} must be powers of two, at least 8", nameof(setup));
        if (!(setup.H > 0) || !(setup.TimeStep > 0) || !(setup.Viscosity >= 0) || !double.IsFinite(setup.H + setup.TimeStep + setup.Viscosity))
            throw new ArgumentException("h and Δt must be positive and ν non-negative, all finite", nameof(setup));
        Setup = setup;
        _nx = setup.Nx;
        _ny = setup.Ny;
        _h = setup.H;
        _dt = setup.TimeStep;
        _nu = setup.Viscosity;
        _su = _nx + 1 + 2 * G;
        _sv = _nx + 2 * G;
        _workers = Math.Clamp(setup.Workers, 1, _ny / 2);
        bool open = setup.Lateral == LateralBoundary.PressureDirichlet;
        _vRowFirst = open ? 0 : 1;
        _vRowLast = open ? _ny : _ny - 1;
        int uSize = _su * (_ny + 2 * G), vSize = _sv * (_ny + 1 + 2 * G);
        _u = new double[uSize];
        _uStar = new double[uSize];
        _ruOld = new double[uSize];
        _penU = new double[uSize];
        _v = new double[vSize];
        _vStar = new double[vSize];
        _rvOld = new double[vSize];
        _penV = new double[vSize];
        _inflow = new double[_ny];
        _rhs = new double[_nx * _ny];
        _p = new double[_nx * _ny];
        _forceXRow = new double[_ny];
        _forceYRow = new double[_ny + 1];
        _poisson = new PoissonSolver(_nx, _ny, _h, open, _workers);
        for (int j = 0; j < _ny; j++)
            _inflow[j] = setup.Streamwise == StreamwiseBoundary.InflowOutflow ? setup.InflowAt((j + 0.5) * _h) : 0.0;
        double lambdaDt = setup.Penalization * _dt;
        for (int j = 0; j < _ny; j++)
            for (int i = 0; i <= _nx; i++)
                _penU[IU(i, j)] = 1.0 / (1.0 + lambdaDt * Indicator(i * _h, (j + 0.5) * _h));
        for (int j = 0; j <= _ny; j++)
            for (int i = 0; i < _nx; i++)
                _penV[IV(i, j)] = 1.0 / (1.0 + lambdaDt * Indicator((i + 0.5) * _h, j * _h));
        _momentumPass = MomentumPass;
        _divergencePass = DivergencePass;
        _correctionPass = CorrectionPass;
    }

    /// <summary>The configuration.</summary>
    public FlowSetup Setup { get; }

    /// <summary>Micro steps taken since construction.</summary>
    public long Steps { get; private set; }

    /// <summary>Force on the body in the last step, (F_x, F_y) = Σ (u* − u**)·h²/Δt over the penalized faces.</summary>
    public (double X, double Y) Force { get; private set; }

    /// <summary>Drag coefficient 2F_x/(ρU²D) of the last step.</summary>
    public double DragCoefficient => 2 * Force.X / (Setup.InflowVelocity * Setup.InflowVelocity * Setup.Diameter);

    /// <summary>Lift coefficient 2F_y/(ρU²D) of the last step.</summary>
    public double LiftCoefficient => 2 * Force.Y / (Setup.InflowVelocity * Setup.InflowVelocity * Setup.Diameter);

    /// <summary>The mollified indicator χ at (x, y): 1 inside the cylinder, 0 outside, ½(1 − d/ε − sin(πd/ε)/π) for |d| &lt; ε.</summary>
    public double Indicator(double x, double y)
    {
        if (!Setup.HasBody) return 0;
        double d = Math.Sqrt((x - Setup.CylinderX) * (x - Setup.CylinderX) + (y - Setup.CylinderY) * (y - Setup.CylinderY)) - 0.5 * Setup.Diameter;
        double eps = Setup.Mollification * _h;
        if (eps <= 0) return d < 0 ? 1 : d > 0 ? 0 : 0.5;
        if (d <= -eps) return 1;
        if (d >= eps) return 0;
        return 0.5 * (1 - d / eps - Math.Sin(Math.PI * d / eps) / Math.PI);
    }

    /// <summary>
    /// Sets the velocity from functions evaluated at the face positions, imposes the boundary faces and projects to
    /// a divergence-free field; p = 0 and the Adams–Bashforth history restarts.
    /// </summary>
    public void Initialize(Func<double, double, double> u, Func<double, double, double> v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        for (int j = 0; j < _ny; j++)
            for (int i = 0; i <= _nx; i++)
                _uStar[IU(i, j)] = u(i * _h, (j + 0.5) * _h);
        for (int j = 0; j <= _ny; j++)
            for (int i = 0; i < _nx; i++)
                _vStar[IV(i, j)] = v((i + 0.5) * _h, j * _h);
        Array.Clear(_p);
        ProjectStar();
    }

    /// <summary>
    /// Sets the velocity from cell-centred values (row-major [j·Nx + i], e.g. a decoded LED state): interior faces
    /// get the mean of their two cells, boundary faces their boundary condition (the outflow face the last cell's value),
    /// then the field is projected to a divergence-free one. <paramref name="pressure"/> (optional) becomes p.
    /// </summary>
    public void SetCellVelocities(ReadOnlySpan<double> uc, ReadOnlySpan<double> vc, ReadOnlySpan<double> pressure = default)
    {
        int n = _nx * _ny;
        if (uc.Length != n || vc.Length != n || (pressure.Length != 0 && pressure.Length != n))
            throw new ArgumentException($"expected {n} cell values per channel");
        for (int j = 0; j < _ny; j++)
        {
            for (int i = 1; i < _nx; i++) _uStar[IU(i, j)] = 0.5 * (uc[j * _nx + i - 1] + uc[j * _nx + i]);
            _uStar[IU(0, j)] = uc[j * _nx];
            _uStar[IU(_nx, j)] = uc[j * _nx + _nx - 1];
        }
        for (int i = 0; i < _nx; i++)
        {
            for (int j = 1; j < _ny; j++) _vStar[IV(i, j)] = 0.5 * (vc[(j - 1) * _nx + i] + vc[j * _nx + i]);
            _vStar[IV(i, 0)] = vc[i];
            _vStar[IV(i, _ny)] = vc[(_ny - 1) * _nx + i];
        }
        if (pressure.Length == n) pressure.CopyTo(_p);
        else Array.Clear(_p);
        ProjectStar();
    }

    /// <summary>Takes <paramref name="steps"/> micro steps.</summary>
    public void Advance(long steps)
    {
        for (long s = 0; s < steps; s++) Step();
    }

    /// <summary>One micro step of length Δt.</summary>
    public void Step()
    {
        FillGhosts(_u, _v);
        Run(_momentumPass);
        SetBoundaryFaces(convective: true);
        _haveOld = true;
        double fx = 0, fy = 0;
        for (int j = 0; j < _ny; j++) fx += _forceXRow[j];
        for (int j = 0; j <= _ny; j++) fy += _forceYRow[j];
        double scale = _h * _h / _dt;
        Force = (fx * scale, fy * scale);
        _updatePressure = true;
        Run(_divergencePass);
        _poisson.Solve(_rhs);
        Run(_correctionPass);
        Steps++;
    }

    /// <summary>max over cells of |∇·u| (the discrete divergence of the MAC velocity).</summary>
    public double MaxDivergence()
    {
        double max = 0;
        for (int j = 0; j < _ny; j++)
            for (int i = 0; i < _nx; i++)
                max = Math.Max(max, Math.Abs((_u[IU(i + 1, j)] - _u[IU(i, j)] + _v[IV(i, j + 1)] - _v[IV(i, j)]) / _h));
        return max;
    }

    /// <summary>u on the x-faces, [j·(Nx+1) + i] at (i·h, (j+½)h).</summary>
    public void CopyU(Span<double> destination)
    {
        for (int j = 0; j < _ny; j++)
            _u.AsSpan(IU(0, j), _nx + 1).CopyTo(destination.Slice(j * (_nx + 1), _nx + 1));
    }

    /// <summary>v on the y-faces, [j·Nx + i] at ((i+½)h, j·h).</summary>
    public void CopyV(Span<double> destination)
    {
        for (int j = 0; j <= _ny; j++)
            _v.AsSpan(IV(0, j), _nx).CopyTo(destination.Slice(j * _nx, _nx));
    }

    /// <summary>The pressure at cell centres, [j·Nx + i] (defined up to a constant with Neumann lateral boundaries).</summary>
    public ReadOnlySpan<double> Pressure => _p;

    /// <summary>
    /// The observable (p, u_x, u_y, ω) on cell centres, channel-major [c·Ny·Nx + j·Nx + i]: velocities averaged from
    /// the faces, ω = ∂v/∂x − ∂u/∂y at the cell corners averaged to the centre.
    /// </summary>
    public void Observe(Span<double> destination)
    {
        int n = _nx * _ny;
        if (destination.Length != 4 * n) throw new ArgumentException($"expected {4 * n} values", nameof(destination));
        FillGhosts(_u, _v);
        _p.AsSpan().CopyTo(destination[..n]);
        double inv = 1.0 / _h;
        for (int j = 0; j < _ny; j++)
        {
            for (int i = 0; i < _nx; i++)
            {
                int c = j * _nx + i;
                destination[n + c] = 0.5 * (_u[IU(i, j)] + _u[IU(i + 1, j)]);
                destination[2 * n + c] = 0.5 * (_v[IV(i, j)] + _v[IV(i, j + 1)]);
                double w = Corner(i, j, inv) + Corner(i + 1, j, inv) + Corner(i, j + 1, inv) + Corner(i + 1, j + 1, inv);
                destination[3 * n + c] = 0.25 * w;
            }
        }
    }

    /// <summary>χ at the cell centres, [j·Nx + i] (the body mask).</summary>
    public void CellIndicator(Span<double> destination)
    {
        for (int j = 0; j < _ny; j++)
            for (int i = 0; i < _nx; i++)
                destination[j * _nx + i] = Indicator((i + 0.5) * _h, (j + 0.5) * _h);
    }

    /// <summary>v at (x, y) by bilinear interpolation of the y-faces (a wake probe).</summary>
    public double SampleV(double x, double y)
    {
        double fi = Math.Clamp(x / _h - 0.5, 0, _nx - 1.000001), fj = Math.Clamp(y / _h, 0, _ny - 0.000001);
        int i = (int)fi, j = (int)fj;
        double a = fi - i, b = fj - j;
        return (1 - a) * (1 - b) * _v[IV(i, j)] + a * (1 - b) * _v[IV(i + 1, j)] + (1 - a) * b * _v[IV(i, j + 1)] + a * b * _v[IV(i + 1, j + 1)];
    }

    /// <summary>u at (x, y) by bilinear interpolation of the x-faces.</summary>
    public double SampleU(double x, double y)
    {
        double fi = Math.Clamp(x / _h, 0, _nx - 0.000001), fj = Math.Clamp(y / _h - 0.5, 0, _ny - 1.000001);
        int i = (int)fi, j = (int)fj;
        double a = fi - i, b = fj - j;
        return (1 - a) * (1 - b) * _u[IU(i, j)] + a * (1 - b) * _u[IU(i + 1, j)] + (1 - a) * b * _u[IU(i, j + 1)] + a * b * _u[IU(i + 1, j + 1)];
    }

    private int IU(int i, int j) => (j + G) * _su + i + G;

    private int IV(int i, int j) => (j + G) * _sv + i + G;

    private double Corner(int i, int j, double inv) =>
        (_v[IV(i, j)] - _v[IV(i - 1, j)]) * inv - (_u[IU(i, j)] - _u[IU(i, j - 1)]) * inv;

    private void Run(Action<int> pass)
    {
        if (_workers == 1) pass(0);
        else Parallel.For(0, _workers, pass);
    }

    private (int Start, int End) Range(int first, int count, int worker)
    {
        int per = count / _workers, extra = count % _workers;
        int start = first + worker * per + Math.Min(worker, extra);
        return (start, start + per + (worker < extra ? 1 : 0));
    }

    /// <summary>Boundary faces of u*, v*, the mass-flux correction, then the projection into u, v.</summary>
    private void ProjectStar()
    {
        SetBoundaryFaces(convective: false);
        _haveOld = false;
        _updatePressure = false;
        Run(_divergencePass);
        _poisson.Solve(_rhs);
        Run(_correctionPass);
        FillGhosts(_u, _v);
    }

    private void SetBoundaryFaces(bool convective)
    {
        if (Setup.Streamwise == StreamwiseBoundary.InflowOutflow)
        {
            double inflow = 0, outflow = 0;
            double c = _dt * Setup.InflowVelocity / _h;
            for (int j = 0; j < _ny; j++)
            {
                _uStar[IU(0, j)] = _inflow[j];
                if (convective)
                {
                    int k = IU(_nx, j);
                    _uStar[k] = _u[k] - c * (_u[k] - _u[k - 1]);
                }
                inflow += _inflow[j];
                outflow += _uStar[IU(_nx, j)];
            }
            if (Setup.Lateral != LateralBoundary.PressureDirichlet)
            {
                double shift = (inflow - outflow) / _ny;
                for (int j = 0; j < _ny; j++) _uStar[IU(_nx, j)] += shift;
            }
        }
        else
        {
            for (int j = 0; j < _ny; j++) _uStar[IU(0, j)] = _uStar[IU(_nx, j)] = 0;
        }
        if (Setup.Lateral != LateralBoundary.PressureDirichlet)
            for (int i = 0; i < _nx; i++) _vStar[IV(i, 0)] = _vStar[IV(i, _ny)] = 0;
    }

    /// <summary>Two ghost layers on every side, from the boundary conditions.</summary>
    private void FillGhosts(double[] u, double[] v)
    {
        int nx = _nx, ny = _ny;
        bool inflowOutflow = Setup.Streamwise == StreamwiseBoundary.InflowOutflow;
        for (int j = 0; j < ny; j++)
        {
            int r = IU(0, j);
            for (int k = 1; k <= G; k++)
            {
                if (inflowOutflow)
                {
                    u[r - k] = 2 * u[r] - u[r + k];
                    u[r + nx + k] = 2 * u[r + nx] - u[r + nx - k];
                }
                else
                {
                    u[r - k] = -u[r + k];
                    u[r + nx + k] = -u[r + nx - k];
                }
            }
        }
        for (int j = 0; j <= ny; j++)
        {
            int r = IV(0, j);
            for (int k = 1; k <= G; k++)
            {
                if (inflowOutflow)
                {
                    v[r - k] = -v[r + k - 1];
                    v[r + nx - 1 + k] = v[r + nx - 1];
                }
                else
                {
                    v[r - k] = v[r + k - 1];
                    v[r + nx - 1 + k] = v[r + nx - k];
                }
            }
        }
        double uSign = Setup.Lateral == LateralBoundary.NoSlip ? -1 : 1;
        double vSign = Setup.Lateral == LateralBoundary.PressureDirichlet ? 1 : -1;
        for (int k = 1; k <= G; k++)
        {
            int bottomGhost = IU(-G, -k), bottomSource = IU(-G, k - 1);
            int topGhost = IU(-G, ny - 1 + k), topSource = IU(-G, ny - k);
            for (int i = 0; i < _su; i++)
            {
                u[bottomGhost + i] = uSign * u[bottomSource + i];
                u[topGhost + i] = uSign * u[topSource + i];
            }
            int vBottomGhost = IV(-G, -k), vBottomSource = IV(-G, k);
            int vTopGhost = IV(-G, ny + k), vTopSource = IV(-G, ny - k);
            for (int i = 0; i < _sv; i++)
            {
                v[vBottomGhost + i] = vSign * v[vBottomSource + i];
                v[vTopGhost + i] = vSign * v[vTopSource + i];
            }
        }
    }

    private void MomentumPass(int worker)
    {
        double[] u = _u, v = _v;
        int su = _su, sv = _sv, nx = _nx;
        double invH = 1.0 / _h, invH12 = invH / 12.0, nuH2 = _nu * invH * invH, dt = _dt;
        double a = _haveOld ? 1.5 : 1.0, b = _haveOld ? 0.5 : 0.0;
        var (j0, j1) = Range(0, _ny, worker);
        for (int j = j0; j < j1; j++)
        {
            double force = 0;
            int row = IU(0, j), rowV = IV(0, j);
            for (int i = 1; i < nx; i++)
            {
                int k = row + i;
                double uc = u[k], ue = u[k + 1], uw = u[k - 1], uee = u[k + 2], uww = u[k - 2];
                double un = u[k + su], us = u[k - su], unn = u[k + 2 * su], uss = u[k - 2 * su];
                int kv = rowV + i;
                double vbar = 0.25 * (v[kv - 1] + v[kv] + v[kv - 1 + sv] + v[kv + sv]);
                double advection =
                    uc * (-uee + 8 * ue - 8 * uw + uww) + Math.Abs(uc) * (uee - 4 * ue + 6 * uc - 4 * uw + uww) +
                    vbar * (-unn + 8 * un - 8 * us + uss) + Math.Abs(vbar) * (unn - 4 * un + 6 * uc - 4 * us + uss);
                double rhs = nuH2 * (ue + uw + un + us - 4 * uc) - invH12 * advection;
                double star = uc + dt * (a * rhs - b * _ruOld[k]);
                _ruOld[k] = rhs;
                double penalized = star * _penU[k];
                force += star - penalized;
                _uStar[k] = penalized;
            }
            _forceXRow[j] = force;
        }
        var (l0, l1) = Range(_vRowFirst, _vRowLast - _vRowFirst + 1, worker);
        for (int j = l0; j < l1; j++)
        {
            double force = 0;
            int row = IV(0, j), rowU = IU(0, j);
            for (int i = 0; i < nx; i++)
            {
                int k = row + i;
                double vc = v[k], ve = v[k + 1], vw = v[k - 1], vee = v[k + 2], vww = v[k - 2];
                double vn = v[k + sv], vs = v[k - sv], vnn = v[k + 2 * sv], vss = v[k - 2 * sv];
                int ku = rowU + i;
                double ubar = 0.25 * (u[ku] + u[ku + 1] + u[ku - su] + u[ku + 1 - su]);
                double advection =
                    ubar * (-vee + 8 * ve - 8 * vw + vww) + Math.Abs(ubar) * (vee - 4 * ve + 6 * vc - 4 * vw + vww) +
                    vc * (-vnn + 8 * vn - 8 * vs + vss) + Math.Abs(vc) * (vnn - 4 * vn + 6 * vc - 4 * vs + vss);
                double rhs = nuH2 * (ve + vw + vn + vs - 4 * vc) - invH12 * advection;
                double star = vc + dt * (a * rhs - b * _rvOld[k]);
                _rvOld[k] = rhs;
                double penalized = star * _penV[k];
                force += star - penalized;
                _vStar[k] = penalized;
            }
            _forceYRow[j] = force;
        }
    }

    private void DivergencePass(int worker)
    {
        double invH = 1.0 / _h;
        var (j0, j1) = Range(0, _ny, worker);
        for (int j = j0; j < j1; j++)
        {
            int ru = IU(0, j), rv = IV(0, j), rc = j * _nx;
            for (int i = 0; i < _nx; i++)
                _rhs[rc + i] = (_uStar[ru + i + 1] - _uStar[ru + i] + _vStar[rv + i + _sv] - _vStar[rv + i]) * invH;
        }
    }

    /// <summary>u = u* − ∇Φ with ∇²Φ = ∇·u* (Φ = Δt·p); boundary faces keep u*, except the open lateral faces.</summary>
    private void CorrectionPass(int worker)
    {
        double invH = 1.0 / _h, invDt = 1.0 / _dt;
        double[] phi = _rhs;
        int nx = _nx;
        var (j0, j1) = Range(0, _ny, worker);
        for (int j = j0; j < j1; j++)
        {
            int ru = IU(0, j), rc = j * nx;
            _u[ru] = _uStar[ru];
            _u[ru + nx] = _uStar[ru + nx];
            for (int i = 1; i < nx; i++) _u[ru + i] = _uStar[ru + i] - (phi[rc + i] - phi[rc + i - 1]) * invH;
            if (_updatePressure)
                for (int i = 0; i < nx; i++) _p[rc + i] = phi[rc + i] * invDt;
        }
        var (l0, l1) = Range(0, _ny + 1, worker);
        bool open = Setup.Lateral == LateralBoundary.PressureDirichlet;
        for (int j = l0; j < l1; j++)
        {
            int rv = IV(0, j), rc = j * nx;
            if (j == 0 || j == _ny)
            {
                if (!open)
                {
                    for (int i = 0; i < nx; i++) _v[rv + i] = _vStar[rv + i];
                }
                else if (j == 0)
                {
                    for (int i = 0; i < nx; i++) _v[rv + i] = _vStar[rv + i] - 2 * phi[i] * invH;
                }
                else
                {
                    int last = (_ny - 1) * nx;
                    for (int i = 0; i < nx; i++) _v[rv + i] = _vStar[rv + i] + 2 * phi[last + i] * invH;
                }
                continue;
            }
            for (int i = 0; i < nx; i++) _v[rv + i] = _vStar[rv + i] - (phi[rc + i] - phi[rc - nx + i]) * invH;
        }
    }
}

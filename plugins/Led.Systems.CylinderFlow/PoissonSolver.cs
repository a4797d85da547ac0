namespace Led.Systems.CylinderFlow;

/// <summary>
/// Direct solver of the cell-centred 5-point Poisson problem ∇²φ = f on an nx × ny grid of spacing h (row-major,
/// index j·nx + i): homogeneous Neumann at x = 0, Lx (DCT-II in x) and either Neumann (DCT-II) or φ = 0 on the faces
/// y = 0, Ly (a DST-II, done as a DCT-II of (−1)^j f) in y. For the all-Neumann problem the mean mode is dropped,
/// so the solution has zero mean and solves the problem for f minus its mean. Rows and columns are transformed in
/// pairs, in parallel; a solve allocates no arrays.
/// </summary>
public sealed class PoissonSolver
{
    private readonly int _nx;
    private readonly int _ny;
    private readonly int _workers;
    private readonly double[] _eigenX;
    private readonly double[] _eigenY;
    private readonly CosineTransform[] _rowTransforms;
    private readonly CosineTransform[] _columnTransforms;
    private readonly double[][] _columnA;
    private readonly double[][] _columnB;
    private readonly Action<int> _forwardRows;
    private readonly Action<int> _solveColumns;
    private readonly Action<int> _inverseRows;
    private double[] _data = [];

    /// <summary>A solver for an <paramref name="nx"/> × <paramref name="ny"/> grid (powers of two, at least 2).</summary>
    /// <param name="nx">Cells in x.</param>
    /// <param name="ny">Cells in y.</param>
    /// <param name="h">Grid spacing.</param>
    /// <param name="dirichletY">φ = 0 on the faces y = 0 and y = Ly instead of ∂φ/∂y = 0.</param>
    /// <param name="workers">Threads (row and column pairs are split evenly between them).</param>
    public PoissonSolver(int nx, int ny, double h, bool dirichletY, int workers = 1)
    {
        if (nx < 2 || ny < 2 || !System.Numerics.BitOperations.IsPow2(nx) || !System.Numerics.BitOperations.IsPow2(ny))
            throw new ArgumentException($"grid {nx} × {ny} must be powers of two, at least 2");
        if (!(h > 0) || !double.IsFinite(h)) throw new ArgumentOutOfRangeException(nameof(h), h, "grid spacing must be positive");
        _nx = nx;
        _ny = ny;
        DirichletY = dirichletY;
        _workers = Math.Clamp(workers, 1, Math.Min(nx, ny) / 2);
        _eigenX = new double[nx];
        _eigenY = new double[ny];
        double h2 = h * h;
        for (int k = 0; k < nx; k++) _eigenX[k] = (2 * Math.Cos(Math.PI * k / nx) - 2) / h2;
        for (int l = 0; l < ny; l++)
            _eigenY[l] = ((dirichletY ? -2 : 2) * Math.Cos(Math.PI * l / ny) - 2) / h2;
        _rowTransforms = new CosineTransform[_workers];
        _columnTransforms = new CosineTransform[_workers];
        _columnA = new double[_workers][];
        _columnB = new double[_workers][];
        for (int w = 0; w < _workers; w++)
        {
            _rowTransforms[w] = new CosineTransform(nx);
            _columnTransforms[w] = new CosineTransform(ny);
            _columnA[w] = new double[ny];
            _columnB[w] = new double[ny];
        }
        _forwardRows = w => TransformRows(w, inverse: false);
        _inverseRows = w => TransformRows(w, inverse: true);
        _solveColumns = SolveColumns;
    }

    /// <summary>Whether φ = 0 on the faces y = 0, Ly.</summary>
    public bool DirichletY { get; }

    /// <summary>Replaces <paramref name="data"/> (f, length nx·ny) by φ with ∇²_h φ = f.</summary>
    public void Solve(double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != _nx * _ny) throw new ArgumentException($"expected {_nx * _ny} values, got {data.Length}", nameof(data));
        _data = data;
        try
        {
            Run(_forwardRows);
            Run(_solveColumns);
            Run(_inverseRows);
        }
        finally
        {
            _data = [];
        }
    }

    /// <summary>
    /// The 5-point Laplacian of the solver's boundary conditions (mirror ghosts: even for Neumann, odd for the
    /// y-Dirichlet faces) applied to <paramref name="phi"/>, written to <paramref name="result"/>.
    /// </summary>
    public void ApplyLaplacian(ReadOnlySpan<double> phi, Span<double> result, double h)
    {
        int nx = _nx, ny = _ny;
        double inv = 1.0 / (h * h);
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                double c = phi[j * nx + i];
                double w = i > 0 ? phi[j * nx + i - 1] : c;
                double e = i < nx - 1 ? phi[j * nx + i + 1] : c;
                double ghost = DirichletY ? -c : c;
                double s = j > 0 ? phi[(j - 1) * nx + i] : ghost;
                double n = j < ny - 1 ? phi[(j + 1) * nx + i] : ghost;
                result[j * nx + i] = (w + e + s + n - 4 * c) * inv;
            }
        }
    }

    private void Run(Action<int> pass)
    {
        if (_workers == 1) pass(0);
        else Parallel.For(0, _workers, pass);
    }

    private (int Start, int End) Range(int pairs, int worker)
    {
        int per = pairs / _workers, extra = pairs % _workers;
        int start = worker * per + Math.Min(worker, extra);
        return (start, start + per + (worker < extra ? 1 : 0));
    }

    private void TransformRows(int worker, bool inverse)
    {
        var transform = _rowTransforms[worker];
        var data = _data.AsSpan();
        int nx = _nx;
        var (start, end) = Range(_ny / 2, worker);
        for (int p = start; p < end; p++)
        {
            var a = data.Slice(2 * p * nx, nx);
            var b = data.Slice((2 * p + 1) * nx, nx);
            if (inverse) transform.InversePair(a, b);
            else transform.ForwardPair(a, b);
        }
    }

    private void SolveColumns(int worker)
    {
        var transform = _columnTransforms[worker];
        var ca = _columnA[worker];
        var cb = _columnB[worker];
        var data = _data;
        int nx = _nx, ny = _ny;
        bool alternate = DirichletY;
        var (start, end) = Range(nx / 2, worker);
        for (int p = start; p < end; p++)
        {
            int i0 = 2 * p, i1 = 2 * p + 1;
            for (int j = 0; j < ny; j++)
            {
                double sign = alternate && (j & 1) == 1 ? -1.0 : 1.0;
                ca[j] = sign * data[j * nx + i0];
                cb[j] = sign * data[j * nx + i1];
            }
            transform.ForwardPair(ca, cb);
            double ex0 = _eigenX[i0], ex1 = _eigenX[i1];
            for (int l = 0; l < ny; l++)
            {
                double d0 = ex0 + _eigenY[l];
                double d1 = ex1 + _eigenY[l];
                ca[l] = d0 == 0 ? 0 : ca[l] / d0;
                cb[l] = cb[l] / d1;
            }
            transform.InversePair(ca, cb);
            for (int j = 0; j < ny; j++)
            {
                double sign = alternate && (j & 1) == 1 ? -1.0 : 1.0;
                data[j * nx + i0] = sign * ca[j];
                data[j * nx + i1] = sign * cb[j];
            }
        }
    }
}

"""What the classifier (`bot.matching.classifier`) and the message detectors (`bot.intents`)
learn with: sparse feature rows and L-BFGS, in numpy alone.

Both used scipy (`csr_array`, `minimize(method="L-BFGS-B")`), and importing `scipy.optimize`
cost the bot process more memory than all of python-telegram-bot (docs/memory.md). Only the
part of scipy they used is written here, following scipy's own code, so that training takes the
same steps and gives the same weights:

- `SparseRows` multiplies like scipy's CSR matrices do: each row's terms added in column order,
  and the transposed product adding each column's terms in row order;
- `minimize` is L-BFGS-B without bounds as scipy 1.17 runs it (`scipy/optimize/__lbfgsb.c`):
  10 corrections, the first step along the gradient scaled to unit length, Moré and Thuente's
  line search (`dcsrch`, ftol 1e-3, gtol 0.9, xtol 0.1, at most 20 evaluations), a correction
  skipped when its curvature is not positive, the memory dropped and the iteration restarted
  when a line search fails, and the same stopping tests (projected gradient 1e-5, relative
  reduction 2.2e-9, the iteration limit). Without bounds, L-BFGS-B's Cauchy point and subspace
  minimisation give the quasi-Newton step, computed here by the two-loop recursion over the same
  corrections; the two differ in rounding only (docs/memory.md has the comparison).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Loss = Callable[[FloatArray], tuple[float, FloatArray]]

CORRECTIONS = 10  # scipy's `maxcor`
MAX_LINE_STEPS = 20  # scipy's `maxls`
GRADIENT_TOLERANCE = 1e-5  # scipy's `gtol` (`pgtol`)
REDUCTION_TOLERANCE = 2.2204460492503131e-09  # scipy's `ftol`
_EPSILON = 2.220446049250313e-16  # machine epsilon, as `__lbfgsb.c` writes it
_SEARCH_FTOL, _SEARCH_GTOL, _SEARCH_XTOL = 1e-3, 0.9, 0.1  # `lnsrlb`'s line-search constants
_MAX_STEP = 1.0e10
_BLOCK = 16_384  # numbers per block of a product with a matrix: bounds its temporary arrays


class SparseRows:
    """A sparse matrix kept as its (row, column, value) terms; a repeated (row, column) adds up
    (the bot's matrices have none). Products add each row's terms in column order, and the
    transposed product each column's terms in row order, as scipy's CSR products do, so they
    give the same numbers to the last bit."""

    def __init__(
        self,
        rows: Sequence[int] | IntArray,
        columns: Sequence[int] | IntArray,
        values: Sequence[float] | FloatArray,
        shape: tuple[int, int],
    ) -> None:
        self.shape = shape
        row_ids = np.asarray(rows, dtype=np.int64)
        column_ids = np.asarray(columns, dtype=np.int64)
        data = np.asarray(values, dtype=np.float64)
        order = np.lexsort((column_ids, row_ids))
        row_ids, column_ids, data = row_ids[order], column_ids[order], data[order]
        if row_ids.size:
            starts = np.flatnonzero(
                np.r_[True, (row_ids[1:] != row_ids[:-1]) | (column_ids[1:] != column_ids[:-1])]
            )
            if starts.size < row_ids.size:  # repeats: one term each
                data = np.add.reduceat(data, starts)
                row_ids, column_ids = row_ids[starts], column_ids[starts]
        del order
        self._by_row = _Terms(row_ids, column_ids, data, shape[0])
        by_column = np.lexsort((row_ids, column_ids))
        self._by_column = _Terms(
            column_ids[by_column], row_ids[by_column], data[by_column], shape[1]
        )

    def dot(self, dense: FloatArray, out: FloatArray | None = None) -> FloatArray:
        """This matrix times a vector or a matrix (one row of `dense` per column); `out`, for a
        matrix, is where to write it."""
        return self._by_row.sums(dense, out)

    def transposed_dot(self, dense: FloatArray, out: FloatArray | None = None) -> FloatArray:
        """The transpose of this matrix times a vector or a matrix (one row of `dense` per row
        of this one); `out`, for a matrix, is where to write it."""
        return self._by_column.sums(dense, out)


class _Terms:
    """Terms sorted by the line (row or column) they add into, then by the other index."""

    def __init__(self, lines: IntArray, others: IntArray, data: FloatArray, count: int) -> None:
        self.size = int(data.size)
        self._lines = lines
        self._others = others
        self._data = data
        self._count = count
        self._starts = np.searchsorted(lines, np.arange(count + 1))  # each line's first term

    def sums(self, dense: FloatArray, out: FloatArray | None = None) -> FloatArray:
        """Per line, its terms' values times their rows of `dense`, added one after the other
        (`np.bincount` adds in the order given)."""
        if dense.ndim == 1:
            products = self._data * dense[self._others]
            summed = np.bincount(self._lines, weights=products, minlength=self._count)
            return summed.astype(np.float64, copy=False)
        width = dense.shape[1]
        result: FloatArray = np.zeros((self._count, width)) if out is None else out
        if out is not None:
            out[...] = 0.0
        offsets = np.arange(width)
        # blocks of whole lines of about _BLOCK numbers each: bounded temporary arrays
        first = 0
        while first < self._count:
            last = int(np.searchsorted(self._starts, self._starts[first] + _BLOCK // width))
            last = min(max(last - 1, first + 1), self._count)
            terms = slice(int(self._starts[first]), int(self._starts[last]))
            if terms.stop > terms.start:
                cells = (self._lines[terms] - first)[:, None] * width + offsets
                products = self._data[terms, None] * dense[self._others[terms]]
                found = np.bincount(
                    cells.ravel(), weights=products.ravel(), minlength=(last - first) * width
                )
                result[first:last] = found.reshape(last - first, width)
            first = last
        return result


def minimize(loss: Loss, start: FloatArray, max_iterations: int) -> FloatArray:
    """The minimiser L-BFGS-B finds from `start` in at most `max_iterations` iterations, for a
    `loss` that gives the value and the gradient at a point (and never writes to the point).
    Memory: the 2 x 10 corrections and about six vectors the size of `start`."""
    tolerance = REDUCTION_TOLERANCE / np.finfo(float).eps * _EPSILON  # scipy's factr * epsmch
    x = np.asarray(start, dtype=np.float64).ravel()  # never written to: no copy needed
    f, g = _evaluated(loss, x)
    if _projected_norm(g) <= GRADIENT_TOLERANCE:
        return x
    memory = _Corrections(x.size)
    iteration = 0
    while True:
        step_end = memory.quasi_newton_point(x, g)
        direction = step_end - x
        found = _line_search(loss, x, f, g, direction, step_end, first=iteration == 0)
        del step_end
        if found is None:  # the line search failed: x, f and g are as they were
            if memory.count == 0:
                return x
            memory.clear()
            continue
        previous_f, change = f, g
        x, f, g, step, slope, initial_slope = found
        iteration += 1
        if iteration >= max_iterations or _projected_norm(g) <= GRADIENT_TOLERANCE:
            return x
        if previous_f - f <= tolerance * max(abs(previous_f), abs(f), 1.0):
            return x
        np.subtract(g, change, out=change)  # the previous gradient is needed no more
        squared = _norm(change) ** 2
        if step == 1.0:
            curvature = slope - initial_slope
            scale = -initial_slope
        else:
            curvature = (slope - initial_slope) * step
            direction *= step
            scale = -initial_slope * step
        if curvature > _EPSILON * scale:  # else the update is skipped
            memory.add(direction, change, curvature, squared / curvature)
        del direction, change


def _evaluated(loss: Loss, x: FloatArray) -> tuple[float, FloatArray]:
    value, gradient = loss(x)
    return float(value), np.asarray(gradient, dtype=np.float64).ravel()


def _projected_norm(gradient: FloatArray) -> float:
    """`projgr` without bounds: the largest absolute component (NaN if any is NaN)."""
    if np.isnan(gradient).any():
        return math.nan
    return float(np.abs(gradient).max(initial=0.0))


def _norm(vector: FloatArray) -> float:
    """The Euclidean norm as OpenBLAS's `dnrm2` gives it on x86-64: squares summed in extended
    precision, then rounded once (in blocks, to keep the extended copy small)."""
    total = np.longdouble(0.0)
    for first in range(0, vector.size, _BLOCK):
        part = vector[first : first + _BLOCK].astype(np.longdouble)
        total += np.dot(part, part)
    return float(np.sqrt(total))


class _Corrections:
    """The last `CORRECTIONS` steps and gradient changes, oldest first, in two arrays filled
    as they come."""

    def __init__(self, size: int) -> None:
        self._steps = np.empty((CORRECTIONS, size))
        self._changes = np.empty((CORRECTIONS, size))
        self._curvatures = [0.0] * CORRECTIONS
        self._head = 0
        self.count = 0
        self._theta = 1.0

    def clear(self) -> None:
        self._head = 0
        self.count = 0
        self._theta = 1.0

    def add(self, step: FloatArray, change: FloatArray, curvature: float, theta: float) -> None:
        if self.count < CORRECTIONS:
            tail = (self._head + self.count) % CORRECTIONS
            self.count += 1
        else:
            tail = self._head
            self._head = (self._head + 1) % CORRECTIONS
        self._steps[tail] = step
        self._changes[tail] = change
        self._curvatures[tail] = curvature
        self._theta = theta

    def quasi_newton_point(self, x: FloatArray, gradient: FloatArray) -> FloatArray:
        """x minus the inverse L-BFGS matrix (initial matrix theta * I) times the gradient.
        Without corrections, the Cauchy point of L-BFGS-B's first step: x minus the gradient."""
        work = np.negative(gradient)
        if self.count:
            order = [(self._head + i) % CORRECTIONS for i in range(self.count)]
            alphas = {}
            scaled = np.empty_like(work)
            for slot in reversed(order):
                alpha = float(self._steps[slot] @ work) / self._curvatures[slot]
                alphas[slot] = alpha
                work -= np.multiply(self._changes[slot], alpha, out=scaled)
            work *= 1.0 / self._theta
            for slot in order:
                beta = float(self._changes[slot] @ work) / self._curvatures[slot]
                work += np.multiply(self._steps[slot], alphas[slot] - beta, out=scaled)
        work += x
        return work


def _line_search(
    loss: Loss,
    x: FloatArray,
    f: float,
    g: FloatArray,
    direction: FloatArray,
    step_end: FloatArray,
    *,
    first: bool,
) -> tuple[FloatArray, float, FloatArray, float, float, float] | None:
    """`lnsrlb`: a step along `direction` meeting the strong Wolfe conditions; the new point,
    value and gradient, the step, the slope there and at x; None if it fails."""
    norm = _norm(direction)
    step = min(1.0 / norm, _MAX_STEP) if first else 1.0
    initial_slope = float(g @ direction)
    if initial_slope >= 0.0:
        return None
    search = _StepSearch(f, initial_slope, step)
    for _ in range(MAX_LINE_STEPS):
        step = search.step
        trial = step_end if step == 1.0 else step * direction + x
        trial_f, trial_g = _evaluated(loss, trial)
        slope = float(trial_g @ direction)
        if search.done(trial_f, slope):
            return trial, trial_f, trial_g, step, slope, initial_slope
        del trial, trial_g  # before the next evaluation makes its own
    return None


class _StepSearch:
    """`dcsrch`: Moré and Thuente's search for a step with sufficient decrease and curvature,
    one trial step at a time. A warning ends it like convergence, as in `lnsrlb`."""

    def __init__(self, f: float, slope: float, step: float) -> None:
        self.step = step
        self._bracketed = False
        self._stage = 1
        self._f0 = f
        self._slope0 = slope
        self._test_slope = _SEARCH_FTOL * slope
        self._width = _MAX_STEP - 0.0
        self._width1 = self._width / 0.5
        self._stx, self._fx, self._gx = 0.0, f, slope
        self._sty, self._fy, self._gy = 0.0, f, slope
        self._stmin = 0.0
        self._stmax = step + 4.0 * step

    def done(self, f: float, g: float) -> bool:
        """Whether the step just evaluated is taken; if not, `step` is the next to try."""
        step = self.step
        ftest = self._f0 + step * self._test_slope
        if self._stage == 1 and f <= ftest and g >= 0.0:
            self._stage = 2
        if self._bracketed and (step <= self._stmin or step >= self._stmax):
            return True  # rounding errors prevent progress
        if self._bracketed and self._stmax - self._stmin <= _SEARCH_XTOL * self._stmax:
            return True
        if step == _MAX_STEP and f <= ftest and g <= self._test_slope:
            return True
        if step == 0.0 and (f > ftest or g >= self._test_slope):
            return True
        if f <= ftest and abs(g) <= _SEARCH_GTOL * (-self._slope0):
            return True
        if self._stage == 1 and f <= self._fx and f > ftest:
            test = self._test_slope
            stx, fxm, gxm, sty, fym, gym, step, self._bracketed = _cstep(
                self._stx,
                self._fx - self._stx * test,
                self._gx - test,
                self._sty,
                self._fy - self._sty * test,
                self._gy - test,
                step,
                f - step * test,
                g - test,
                self._bracketed,
                self._stmin,
                self._stmax,
            )
            self._stx, self._sty = stx, sty
            self._fx = fxm + stx * test
            self._fy = fym + sty * test
            self._gx = gxm + test
            self._gy = gym + test
        else:
            (
                self._stx,
                self._fx,
                self._gx,
                self._sty,
                self._fy,
                self._gy,
                step,
                self._bracketed,
            ) = _cstep(
                self._stx,
                self._fx,
                self._gx,
                self._sty,
                self._fy,
                self._gy,
                step,
                f,
                g,
                self._bracketed,
                self._stmin,
                self._stmax,
            )
        if self._bracketed:
            if abs(self._sty - self._stx) >= 0.66 * self._width1:
                step = self._stx + 0.5 * (self._sty - self._stx)
            self._width1 = self._width
            self._width = abs(self._sty - self._stx)
            self._stmin = min(self._stx, self._sty)
            self._stmax = max(self._stx, self._sty)
        else:
            self._stmin = step + 1.1 * (step - self._stx)
            self._stmax = step + 4.0 * (step - self._stx)
        step = min(max(step, 0.0), _MAX_STEP)
        if self._bracketed and (
            step <= self._stmin
            or step >= self._stmax
            or self._stmax - self._stmin <= _SEARCH_XTOL * self._stmax
        ):
            step = self._stx
        self.step = step
        return False


def _cstep(
    stx: float,
    fx: float,
    dx: float,
    sty: float,
    fy: float,
    dy: float,
    stp: float,
    fp: float,
    dp: float,
    bracketed: bool,
    stpmin: float,
    stpmax: float,
) -> tuple[float, float, float, float, float, float, float, bool]:
    """`dcstep`: the safeguarded cubic or quadratic step, and the interval it updates."""
    sgnd = dp * (dx / abs(dx))
    if fp > fx:
        theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
        s = max(abs(theta), max(abs(dx), abs(dp)))
        gamma = s * math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s))
        if stp < stx:
            gamma = -gamma
        p = (gamma - dx) + theta
        q = ((gamma - dx) + gamma) + dp
        r = p / q
        stpc = stx + r * (stp - stx)
        stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx)
        stpf = stpc if abs(stpc - stx) < abs(stpq - stx) else stpc + (stpq - stpc) / 2.0
        bracketed = True
    elif sgnd < 0.0:
        theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
        s = max(abs(theta), max(abs(dx), abs(dp)))
        gamma = s * math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s))
        if stp > stx:
            gamma = -gamma
        p = (gamma - dp) + theta
        q = ((gamma - dp) + gamma) + dx
        r = p / q
        stpc = stp + r * (stx - stp)
        stpq = stp + (dp / (dp - dx)) * (stx - stp)
        stpf = stpc if abs(stpc - stp) > abs(stpq - stp) else stpq
        bracketed = True
    elif abs(dp) < abs(dx):
        theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp
        s = max(abs(theta), max(abs(dx), abs(dp)))
        gamma = s * math.sqrt(max(0.0, (theta / s) ** 2 - (dx / s) * (dp / s)))
        if stp > stx:
            gamma = -gamma
        p = (gamma - dp) + theta
        q = (gamma + (dx - dp)) + gamma
        r = p / q
        if r < 0.0 and gamma != 0.0:
            stpc = stp + r * (stx - stp)
        elif stp > stx:
            stpc = stpmax
        else:
            stpc = stpmin
        stpq = stp + (dp / (dp - dx)) * (stx - stp)
        if bracketed:
            stpf = stpc if abs(stpc - stp) < abs(stpq - stp) else stpq
            if stp > stx:
                stpf = min(stp + 0.66 * (sty - stp), stpf)
            else:
                stpf = max(stp + 0.66 * (sty - stp), stpf)
        else:
            stpf = stpc if abs(stpc - stp) > abs(stpq - stp) else stpq
            stpf = min(stpmax, stpf)
            stpf = max(stpmin, stpf)
    elif bracketed:
        theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp
        s = max(abs(theta), max(abs(dy), abs(dp)))
        gamma = s * math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s))
        if stp > sty:
            gamma = -gamma
        p = (gamma - dp) + theta
        q = ((gamma - dp) + gamma) + dy
        r = p / q
        stpf = stp + r * (sty - stp)
    elif stp > stx:
        stpf = stpmax
    else:
        stpf = stpmin

    if fp > fx:
        sty, fy, dy = stp, fp, dp
    else:
        if sgnd < 0.0:
            sty, fy, dy = stx, fx, dx
        stx, fx, dx = stp, fp, dp
    return stx, fx, dx, sty, fy, dy, stpf, bracketed

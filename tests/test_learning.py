"""The numpy L-BFGS and sparse rows the classifiers learn with (`bot.matching.learning`): they
find the known minimum of standard problems, and multiply exactly like dense matrices."""

from __future__ import annotations

import numpy as np
import pytest

from bot.matching import SparseRows, minimize

FloatArray = np.ndarray


def rosenbrock(x: FloatArray) -> tuple[float, FloatArray]:
    a, b = x[:-1], x[1:]
    value = float(np.sum(100.0 * (b - a**2) ** 2 + (1 - a) ** 2))
    gradient = np.zeros_like(x)
    gradient[:-1] = -400.0 * a * (b - a**2) - 2 * (1 - a)
    gradient[1:] += 200.0 * (b - a**2)
    return value, gradient


def test_it_finds_rosenbrocks_minimum() -> None:
    found = minimize(rosenbrock, np.array([-1.2, 1.0, -0.5, 0.8]), max_iterations=500)
    assert found == pytest.approx(np.ones(4), abs=1e-4)


def test_a_quadratic_in_few_steps_and_the_start_untouched() -> None:
    scales = np.array([1.0, 10.0, 100.0])

    def quadratic(x: FloatArray) -> tuple[float, FloatArray]:
        return float(np.sum(scales * (x - 3.0) ** 2)), 2 * scales * (x - 3.0)

    start = np.zeros(3)
    found = minimize(quadratic, start, max_iterations=50)
    assert found == pytest.approx(np.full(3, 3.0), abs=1e-5)
    assert (start == 0).all(), "the start point is not written to"
    assert minimize(quadratic, found, max_iterations=0) == pytest.approx(found)


def test_logistic_regression_separates_what_is_separable() -> None:
    rng = np.random.default_rng(3)
    features = rng.normal(size=(200, 5))
    labels = (features @ np.array([2.0, -1.0, 0.5, 0.0, 1.0]) > 0).astype(float)

    def loss(w: FloatArray) -> tuple[float, FloatArray]:
        p = 1 / (1 + np.exp(-(features @ w)))
        value = float(-np.mean(labels * np.log(p + 1e-12) + (1 - labels) * np.log(1 - p + 1e-12)))
        return value + 0.01 * float(w @ w), features.T @ (p - labels) / len(labels) + 0.02 * w

    w = minimize(loss, np.zeros(5), max_iterations=200)
    accuracy = np.mean(((features @ w) > 0) == labels.astype(bool))
    assert accuracy > 0.95
    assert np.linalg.norm(loss(w)[1]) < 1e-4


def test_sparse_rows_multiply_like_the_dense_matrix() -> None:
    rng = np.random.default_rng(5)
    dense = np.where(rng.random((30, 12)) < 0.2, rng.normal(size=(30, 12)), 0.0)
    rows, columns = np.nonzero(dense)
    sparse = SparseRows(rows, columns, dense[rows, columns], dense.shape)
    vector, back = rng.normal(size=12), rng.normal(size=30)
    assert sparse.dot(vector) == pytest.approx(dense @ vector, rel=1e-12, abs=1e-12)
    assert sparse.transposed_dot(back) == pytest.approx(dense.T @ back, rel=1e-12, abs=1e-12)

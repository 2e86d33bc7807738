package dev.jimeng.doctor;

import java.util.List;

/** One check of {@code doctor}: one or more findings, never an exception (a failure is a finding). */
@FunctionalInterface
public interface Check {
    List<Finding> run();
}

package se.kurir.ops;

import se.kurir.problem.ProblemCode;

/** Why a node answers nothing for now. */
public enum OpsProblem implements ProblemCode {
    NODE_NOT_READY("The node is starting, or lost its broker: retry after Retry-After seconds; nothing was admitted.");

    private final String meaning;

    OpsProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}

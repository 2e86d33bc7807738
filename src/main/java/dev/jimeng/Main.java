package dev.jimeng;

public final class Main {
    public static void main(String[] args) {
        System.out.println("jimeng");
    }
}

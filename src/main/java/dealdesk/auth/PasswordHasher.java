package dealdesk.auth;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.SecureRandom;

/**
 * bcrypt (BouncyCastle's OpenBSD implementation), cost 10 by default. An
 * unknown user is checked against a dummy hash so that wrong user and wrong
 * password take the same time.
 */
public final class PasswordHasher {
    /** bcrypt reads at most 72 bytes of a password; longer ones are refused, never cut. */
    public static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password");
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    public boolean matches(String password, String hash) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one check and answers false. */
    public boolean matchesNothing(String password) {
        matches(password, dummyHash);
        return false;
    }
}

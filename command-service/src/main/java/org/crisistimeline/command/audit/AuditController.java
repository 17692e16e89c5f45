package org.crisistimeline.command.audit;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence of the event store. Here rather than in the query service because the event store, its hashes and
 * the service key live here; the query service never sees the store. Every call needs the {@code admin} role
 * ({@code security/SecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final URI CHECKPOINT_NOT_AUTHENTIC = URI.create("urn:crisis-timeline:problem:checkpoint-not-authentic");
    /**
     * A ruined store could have a break per event; the report lists this many and counts them all. The offline verifier
     * prints every one.
     */
    private static final int LISTED_BREAKS = 10_000;

    private final EventStoreAudit audit;
    private final StoreHeads heads;

    AuditController(EventStoreAudit audit, StoreHeads heads) {
        this.audit = audit;
        this.heads = heads;
    }

    /** Walks the whole event store and reports every break (the first 10,000 listed, all counted). */
    @GetMapping("/verify")
    VerificationReport verify() {
        return audit.verify(LISTED_BREAKS);
    }

    /** The same walk, also comparing the store with a checkpoint this service signed earlier. */
    @PostMapping("/verify")
    VerificationReport verifyAgainst(@RequestBody Checkpoint checkpoint) {
        return audit.verify(checkpoint, LISTED_BREAKS);
    }

    /** A signed checkpoint of every aggregate's head, to keep outside this system and verify against later. */
    @GetMapping("/checkpoint")
    Checkpoint checkpoint() {
        return audit.checkpoint();
    }

    /**
     * Every aggregate's last sequence number and its hash as stored now, unsigned and without a walk: one side of a
     * reconciliation with the read model ({@code infra/reconcile.sh}).
     */
    @GetMapping("/heads")
    StoreHeads.Heads heads() {
        return heads.now();
    }

    /** The public key checkpoints are signed with, for the offline verifier ({@code infra/audit/verify.sh}). */
    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return audit.publicKeyPem();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAuthentic(Checkpoint.NotAuthentic refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
        problem.setType(CHECKPOINT_NOT_AUTHENTIC);
        problem.setTitle("Checkpoint not authentic");
        return ResponseEntity.unprocessableEntity()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
